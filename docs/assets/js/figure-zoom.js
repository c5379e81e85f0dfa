// 点插图看大图（extensions/figures.py 给每幅图套了一个指向 SVG 的链接；没有脚本时链接直接打开 SVG）。
// 大图放在一个 <dialog> 里，按原始尺寸的 1.6 倍显示，可以上下左右滚动；关闭按钮、Esc、点图外都能关闭。
(function () {
  "use strict";
  var dialog;

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "fig-dialog";
    dialog.setAttribute("aria-label", "插图大图");
    dialog.innerHTML = '<button type="button" class="fig-dialog__close" aria-label="关闭大图">×</button>' +
      '<div class="fig-dialog__scroll" tabindex="0"><img alt=""></div>';
    dialog.querySelector("button").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    document.body.appendChild(dialog);
  }

  function open(link) {
    if (!dialog || !document.body.contains(dialog)) build();
    var small = link.querySelector("img");
    var img = dialog.querySelector("img");
    img.src = link.href;
    img.alt = small ? small.alt : "";
    var width = small && small.getAttribute("width") ? Number(small.getAttribute("width")) : 0;
    img.style.width = width ? Math.round(width * 1.6) + "px" : "";
    dialog.showModal();
    dialog.querySelector(".fig-dialog__scroll").focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.fig-zoom");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || !window.HTMLDialogElement) return;
    event.preventDefault();
    open(link);
  });
})();
