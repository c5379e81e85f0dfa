// 横向滚动的提示与键盘可达：表格、独立公式、代码块放不下时在自己的框里左右滚动（页面本身从不横向滚动）。
// 放不下的框：边缘渐隐（还有内容的那一侧），可以用 Tab 聚焦后用方向键滚动（tabindex=0、role=region 与名称）。
// 没有 Material 的 document$（例如从 file:// 打开）时在 DOMContentLoaded 时运行。
//
// 手机上的速度：长页面有几十个这样的框，量一个框（scrollWidth）会让浏览器排版。所以不在页面显示之前
// 一口气量完：先读后写（一批框的尺寸都读完再改 class，浏览器只重算一次样式），分成几毫秒一批，在浏览器
// 空闲时做。量过的框交给 ResizeObserver，宽度变了（转屏）再量。每个框量过后 data-sx-watched 从
// "wait" 变成 "done"。
// 屏幕外的正文块不排版（extra.css 的 content-visibility: auto）：量那样一块里的框，浏览器就得当场把整块
// 排出来。所以这样的块里的框等到块排版时才量，宽度变了（转屏）而块不在屏幕附近时也一样。
(function () {
  "use strict";
  var SELECTOR = ".md-typeset__scrollwrap, .md-typeset div.arithmatex, .md-typeset span.arithmatex, " +
    ".md-typeset pre > code, .md-typeset .nb-output";
  var NAMES = { TABLE: "表格", MATH: "公式", CODE: "代码", OUTPUT: "输出" };
  var BUDGET_MS = 6;  // 一批最多占主线程这么久（手机慢 4 倍也不到 50 ms 的长任务）

  function kind(el) {
    if (el.classList.contains("md-typeset__scrollwrap")) return NAMES.TABLE;
    if (el.classList.contains("nb-output")) return NAMES.OUTPUT;
    return el.classList.contains("arithmatex") ? NAMES.MATH : NAMES.CODE;
  }

  // 读：只读尺寸，不改页面
  function measure(el) {
    return { width: el.scrollWidth, box: el.clientWidth, left: el.scrollLeft };
  }

  // 写：只改 class 与属性，不读尺寸
  function apply(el, m) {
    var over = m.width > m.box + 1;
    el.classList.toggle("sx", over);
    el.classList.toggle("sx-left", over && m.left > 1);
    el.classList.toggle("sx-right", over && m.left + m.box < m.width - 1);
    if (over && !el.hasAttribute("tabindex")) {
      el.setAttribute("tabindex", "0");
      el.setAttribute("data-sx-focus", "");
      if (!el.hasAttribute("role")) el.setAttribute("role", "region");
      if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", "可左右滚动的" + kind(el));
    } else if (!over && el.hasAttribute("data-sx-focus")) {
      el.removeAttribute("tabindex");
      el.removeAttribute("data-sx-focus");
    }
  }

  function update(els) {
    var sizes = els.map(measure);
    els.forEach(function (el, i) { apply(el, sizes[i]); });
  }

  var observer = "ResizeObserver" in window ? new ResizeObserver(function (entries) {
    update(entries.map(function (entry) { return entry.target; }).filter(function (el) { return !deferred(el); }));
  }) : null;

  function onScroll(event) { update([event.currentTarget]); }

  // Material 给代码块装复制按钮时（content.lazy：代码块滚进屏幕时才装），在没有悬停的触屏上会去掉代码框的
  // tabindex；放不下的框要留着它，键盘才能聚焦后滚动
  var keepFocusable = "MutationObserver" in window ? new MutationObserver(function (records) {
    records.forEach(function (record) {
      var el = record.target;
      if (el.hasAttribute("data-sx-focus") && !el.hasAttribute("tabindex")) el.setAttribute("tabindex", "0");
    });
  }) : null;

  var queue = [];
  var scheduled = false;
  var idle = window.requestIdleCallback || function (fn) { return window.setTimeout(fn, 1); };

  function schedule() {
    if (scheduled || !queue.length) return;
    scheduled = true;
    idle(work, { timeout: 300 });
  }

  function work() {
    scheduled = false;
    var start = Date.now();
    var batch = [];
    while (queue.length && Date.now() - start < BUDGET_MS) {
      var el = queue.shift();
      if (!el.isConnected || deferred(el)) continue;  // its block went off screen again meanwhile
      batch.push({ el: el, size: measure(el) });
    }
    batch.forEach(function (item) {
      apply(item.el, item.size);
      if (item.el.dataset.sxWatched === "done") return;  // measured again after its block came back
      item.el.dataset.sxWatched = "done";
      item.el.addEventListener("scroll", onScroll, { passive: true });
      if (keepFocusable) keepFocusable.observe(item.el, { attributes: true, attributeFilter: ["tabindex"] });
      if (observer) observer.observe(item.el);
    });
    schedule();
  }

  // 跳过排版的正文块（.md-content__inner 的子元素）里的框，记在 waiting 里，等块排版时
  // （contentvisibilityautostatechange，skipped 为 false）整批进队列。块本身就是框时（独立公式、表格）
  // 更要等：跳过排版的块量出来的宽度就是它自己的宽度，像是放得下。不支持这个事件的浏览器照旧全量
  var waiting = new Map();
  var watchSkips = "ContentVisibilityAutoStateChangeEvent" in window;
  if (watchSkips) {
    document.addEventListener("contentvisibilityautostatechange", function (event) {
      var els = !event.skipped && waiting.get(event.target);
      if (!els) return;
      waiting.delete(event.target);
      els.forEach(function (el) { queue.push(el); });
      schedule();
    }, true);  // the event does not bubble: listen on the way down
  }

  var skips = new Map();  // 块 -> 它在屏幕外时是否跳过排版
  function skippable(block) {
    if (!skips.has(block)) skips.set(block, getComputedStyle(block).contentVisibility === "auto");
    return skips.get(block);
  }

  // el 所在的块此刻跳过排版：记下，等块排版再量；返回是否推迟了
  function deferred(el) {
    var block = watchSkips && el.closest(".md-content__inner > *");
    if (!block || !skippable(block)) return false;
    var first = block.firstElementChild;
    if (!first || first.checkVisibility({ contentVisibilityAuto: true })) return false;
    if (!waiting.has(block)) waiting.set(block, new Set());
    waiting.get(block).add(el);
    return true;
  }

  function setup() {
    document.querySelectorAll(SELECTOR).forEach(function (el) {
      if (el.dataset.sxWatched) return;
      if (el.tagName === "SPAN" && !el.querySelector(".katex-display")) {  // inline math never scrolls
        el.dataset.sxWatched = "done";
        return;
      }
      el.dataset.sxWatched = "wait";
      if (!deferred(el)) queue.push(el);
    });
    schedule();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
