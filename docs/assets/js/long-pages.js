// 后退、前进、刷新后回到读到的地方。
//
// 长页面的正文块在屏幕外时不排版（extra.css 的 content-visibility: auto），没排过的块按估计的高度占位，
// 所以浏览器按像素记下的滚动位置，回来时对应的往往是另一段（最长的一页差出一千多像素）。
// 这里改为记下“第几块、块顶离窗口顶多远”：离开页面（pagehide）或切到后台（visibilitychange）时写进
// 当前历史记录的 state；经后退、前进或刷新再打开时，把那一块滚回原来的位置。浏览器自己的恢复关掉
// （history.scrollRestoration = "manual"，这个设置跟着历史记录走）。
// 页内链接与带 # 的链接不经过这里：浏览器跳到标题时先把目标排好，标题落点是准的（测试检查）。
// 从往返缓存（bfcache）原样恢复的页面不用恢复位置。
(function () {
  "use strict";
  if (!("scrollRestoration" in history) || !window.performance || !performance.getEntriesByType) return;
  history.scrollRestoration = "manual";

  var KEY = "nndlPlace";
  var BLOCKS = ".md-content__inner > *";

  // 第一块下沿在窗口顶之下的正文块：它的序号与它的上沿离窗口顶的距离（可以是负的）
  function place() {
    if (window.scrollY < 1) return { index: -1, offset: 0 };
    var blocks = document.querySelectorAll(BLOCKS);
    for (var i = 0; i < blocks.length; i++) {
      var box = blocks[i].getBoundingClientRect();
      if (box.height > 0 && box.bottom > 0) return { index: i, offset: box.top };
    }
    return { index: -1, offset: 0, y: window.scrollY };
  }

  function remember() {
    var state = history.state && typeof history.state === "object" ? history.state : {};
    var saved = {};
    for (var key in state) saved[key] = state[key];
    saved[KEY] = place();
    try { history.replaceState(saved, ""); } catch (error) { /* state too large or refused: no restore */ }
  }

  window.addEventListener("pagehide", remember);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") remember();
  });

  var navigation = performance.getEntriesByType("navigation")[0];
  var kind = navigation ? navigation.type : "";
  var saved = history.state && history.state[KEY];
  if ((kind !== "back_forward" && kind !== "reload") || !saved) {
    // 没记下位置的历史记录（这个脚本之前的访问）：有 # 就回到那个标题，否则从头读
    if ((kind === "back_forward" || kind === "reload") && location.hash) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) target.scrollIntoView();
    }
    return;
  }

  // 把那一块滚到原来的位置。它附近的块排版后高度会变，所以逐帧再校一次，直到连续几帧不动；
  // 读者一动手滚动就停
  var block = saved.index >= 0 ? document.querySelectorAll(BLOCKS)[saved.index] : null;
  var stopped = false, still = 0, frames = 0;
  function stop() { stopped = true; }
  ["wheel", "touchstart", "keydown", "mousedown"].forEach(function (type) {
    window.addEventListener(type, stop, { once: true, passive: true });
  });
  function settle() {
    if (stopped) return;
    var delta = block ? block.getBoundingClientRect().top - saved.offset : (saved.y || 0) - window.scrollY;
    if (Math.abs(delta) >= 1) {
      window.scrollBy(0, delta);
      still = 0;
    } else {
      still += 1;
    }
    frames += 1;
    if (still < 3 && frames < 120) requestAnimationFrame(settle);
  }
  settle();
})();
