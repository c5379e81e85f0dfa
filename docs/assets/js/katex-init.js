// 用站点自带的 KaTeX 渲染 arithmatex 输出的公式；instant 导航每次换页都会触发 document$。
document$.subscribe(function () {
  var options = {
    delimiters: [
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
      { left: "$$", right: "$$", display: true },
      { left: "$", right: "$", display: false }
    ],
    throwOnError: false
  };
  // .arithmatex: Markdown 页面；.jp-RenderedMarkdown: mkdocs-jupyter 渲染的笔记本
  document.querySelectorAll(".arithmatex, .jp-RenderedMarkdown").forEach(function (el) {
    renderMathInElement(el, options);
  });
});
