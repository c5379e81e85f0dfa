// 横向滚动的提示与键盘可达：表格、独立公式、代码块放不下时在自己的框里左右滚动（页面本身从不横向滚动）。
// 放不下的框：边缘渐隐（还有内容的那一侧），可以用 Tab 聚焦后用方向键滚动（tabindex=0、role=region 与名称）。
// 没有 Material 的 document$（例如从 file:// 打开）时在 DOMContentLoaded 时运行。
(function () {
  "use strict";
  var SELECTOR = ".md-typeset__scrollwrap, .md-typeset div.arithmatex, .md-typeset span.arithmatex, " +
    ".md-typeset pre > code, .md-typeset .nb-output";
  var NAMES = { TABLE: "表格", MATH: "公式", CODE: "代码", OUTPUT: "输出" };

  function kind(el) {
    if (el.classList.contains("md-typeset__scrollwrap")) return NAMES.TABLE;
    if (el.classList.contains("nb-output")) return NAMES.OUTPUT;
    return el.classList.contains("arithmatex") ? NAMES.MATH : NAMES.CODE;
  }

  function update(el) {
    var over = el.scrollWidth > el.clientWidth + 1;
    el.classList.toggle("sx", over);
    el.classList.toggle("sx-left", over && el.scrollLeft > 1);
    el.classList.toggle("sx-right", over && el.scrollLeft + el.clientWidth < el.scrollWidth - 1);
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

  var observer = "ResizeObserver" in window ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { update(entry.target); });
  }) : null;

  function setup() {
    document.querySelectorAll(SELECTOR).forEach(function (el) {
      if (el.dataset.sxWatched) return;
      el.dataset.sxWatched = "1";
      if (el.tagName === "SPAN" && !el.querySelector(".katex-display")) return;  // inline math never scrolls
      el.addEventListener("scroll", function () { update(el); }, { passive: true });
      if (observer) observer.observe(el);
      update(el);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
