/* 卷积演示器（conv explorer）：在页面上一步一步地演示一维、二维卷积的滑动窗口。
 *
 * 纯 JavaScript，不依赖框架或 CDN。页面里写挂载点，脚本把它换成交互部件：
 *
 *   <div class="conv-explorer" data-dim="1" data-m="7" data-k="3" data-s="2" data-p="1"
 *        data-preset="same" markdown>脚本关闭时显示的文字</div>
 *   <div class="conv-explorer" data-dim="2" data-h="3" data-w="3" data-k="2" data-s="1" data-p="0"
 *        markdown>脚本关闭时显示的文字</div>
 *
 * 可选属性：data-preset（一维：narrow / wide / same；二维：见 PRESETS_2D 的键），
 * data-mode（corr 互相关，默认；conv 翻转核的卷积），data-input / data-kernel（JSON 数组，
 * 给出具体数值；参数改变后形状不符时退回默认数值），data-d（膨胀率 D，默认 1）。
 * 二维预设带着自己的输入和核（讲义里的例子），和页面正文的数字一致。
 *
 * 默认数值（确定的，便于和 Python 对照）：输入和核都按行优先的序号取个位数，
 *   二维 x[i][j] = (i·W + j) mod 10，w[u][v] = (u·K + v) mod 10
 *        （3×3 的输入就是 0..8，2×2 的核就是 [[0, 1], [2, 3]]）；
 *   一维 x[i] = i mod 10，w[k] = k mod 10。
 * 下标从 0 开始，和代码一致。
 *
 * 一维时两端的补零可以不同：K 为偶数的等宽卷积左端补 ⌊(K − 1)/2⌋ 个、右端补 K/2 个 0
 * （与 PyTorch 的 padding="same" 相同）。部件里勾选“两端补零不同”后，P 是左端、Pr 是右端。
 *
 * 只读的测试接口（部件自己画图用的就是它）：
 *   window.convExplorer.compute({dim, M | H, W, K, S, P, Pr, D, mode, input, kernel})
 *     -> {ok: true, outShape, values, Pl, Pr, ...} 或 {ok: false, field, error}
 *   Pr 只用于一维：给出时 P 是左端补零、Pr 是右端补零；不给时两端都补 P。
 *   D 是膨胀率（空洞卷积，dilated convolution）：核的相邻元素在输入上相隔 D 格，不给时为 1。
 *   window.convExplorer.preset1d(name, K)     一维预设 -> {S, P, Pr, D, note}（P 左端、Pr 右端）
 *   window.convExplorer.presets2d             二维预设 {name: {label, st, mode, input, kernel, note}}
 *   window.convExplorer.pattern(rows, cols)   默认数值
 *   window.convExplorer.mountAll()            挂载页面上尚未挂载的部件（幂等）
 * 每个挂载后的元素带 data-output-shape（"4" 或 "2x2"）、一维时的 data-output-length、
 * data-output-values（输出的 JSON）、data-step（当前第几步）；参数不可能时改为 data-error（错误信息）。
 *
 * 挂载：脚本执行时和 DOMContentLoaded 时各挂载一次，再订阅 Material 的 document$（instant 导航换页时挂载
 * 新页面上的部件）。从 file:// 打开的副本里 document$ 从不发出，所以不能只靠它。
 *
 * 公式用 KaTeX 排版。页面本身不再带 KaTeX 的脚本（正文公式在构建时排好），所以第一个部件挂载时
 * 按本文件自己的地址找到 ../katex/katex.min.js 插入页面，整个页面（含 instant 导航）只加载一次；
 * 加载完成之前、或者加载失败时，显示文字版的公式。
 */
(function () {
  "use strict";
  if (window.convExplorer) return; // 脚本只初始化一次（instant 导航不会重复订阅）

  var LIMITS = { M: 64, H: 40, W: 40, K: 15, S: 16, P: 16, Pr: 16, D: 8 };
  var NAMES = { M: "输入长度", H: "输入高度", W: "输入宽度", K: "核大小", S: "步长", P: "填充",
    Pr: "右端补零", D: "膨胀率" };
  // 播放速度（步/秒）；快的几档每次前进几步，计时器不必比 40 ms 更密
  var SPEEDS = [1, 2, 5, 20, 100];
  var DEFAULT_SPEED = 2;
  var MIN_TICK_MS = 40;
  // 本文件的地址（只在脚本第一次执行时拿得到），KaTeX 就在它旁边的 ../katex/ 里
  var SCRIPT_SRC = (document.currentScript && document.currentScript.src) || "";

  // ------------------------------------------------------------------ 计算（纯函数）

  function pattern(rows, cols) {
    var out = [];
    for (var i = 0; i < rows; i++) {
      var row = [];
      for (var j = 0; j < cols; j++) row.push((i * cols + j) % 10);
      out.push(row);
    }
    return out;
  }

  function readInt(o, key, name) {
    var v = o[key];
    var label = key + "（" + (name || NAMES[key]) + "）";
    if (v === undefined || v === null || String(v).trim() === "") {
      return { error: label + "不能为空" };
    }
    var n = Number(v);
    if (!Number.isInteger(n)) return { error: label + "必须是整数，收到 " + v };
    var isPad = key === "P" || key === "Pr";
    if (isPad && n < 0) return { error: label + "不能是负数，收到 " + n };
    if (!isPad && n < 1) return { error: label + "必须是正整数，收到 " + n };
    if (n > LIMITS[key]) return { error: label + "最大取 " + LIMITS[key] + "（再大就画不下了），收到 " + n };
    return { value: n };
  }

  function asMatrix(a, rows, cols) {
    // 一维数组看成 1 行；形状或数值不对时返回 null
    if (!Array.isArray(a)) return null;
    var m = Array.isArray(a[0]) ? a : [a];
    if (m.length !== rows) return null;
    for (var i = 0; i < rows; i++) {
      if (!Array.isArray(m[i]) || m[i].length !== cols) return null;
      for (var j = 0; j < cols; j++) if (typeof m[i][j] !== "number" || !isFinite(m[i][j])) return null;
    }
    return m;
  }

  function fail(field, error) {
    return { ok: false, field: field, error: error };
  }

  // 读出并检查整数参数；一维给了 Pr 时，P 只是左端补零；不给 D 时 D = 1
  function readParams(o, dim) {
    var asym = o.Pr !== undefined;
    if (asym && dim !== 1) return fail("Pr", "Pr（右端补零）只用于一维卷积，收到 dim = " + dim);
    var keys = dim === 1 ? ["M", "K", "S", "P"] : ["H", "W", "K", "S", "P"];
    if (asym) keys.push("Pr");
    if (o.D !== undefined) keys.push("D");
    var p = {};
    for (var i = 0; i < keys.length; i++) {
      var r = readInt(o, keys[i], asym && keys[i] === "P" ? "左端补零" : null);
      if (r.error) return fail(keys[i], r.error);
      p[keys[i]] = r.value;
    }
    p.Pl = p.P;
    if (!asym) p.Pr = p.P;
    if (p.D === undefined) p.D = 1;
    return p;
  }

  // 核放不进补零后的输入时的说明 {field, error}；放得进时返回 null。
  // 膨胀率为 D 时核在输入上跨 D(K − 1) + 1 格
  function tooBig(dim, K, D, Hp, Wp, Pl, Pr) {
    var what, more = Pl === Pr ? "增大 P。" : "多补些零。";
    if (dim === 2) what = "补零后的输入 " + Hp + "×" + Wp;
    else if (Pl === Pr) what = "补零后的输入长度 M + 2P = " + Wp;
    else what = "补零后的输入长度 M + P左 + P右 = " + Wp;
    var fits = function (n) { return n <= Wp && (dim === 1 || n <= Hp); };
    if (!fits(K)) {
      return { field: "K", error: "K（核大小）= " + K + " 比" + what + " 还大：卷积核放不进去，没有输出。" +
        "请减小 K 或" + more };
    }
    var span = D * (K - 1) + 1;
    if (fits(span)) return null;
    return { field: "D", error: "D（膨胀率）= " + D + " 时，K = " + K + " 的核跨 D(K − 1) + 1 = " + span +
      " 格，比" + what + " 还大：卷积核放不进去，没有输出。请减小 D 或" + more };
  }

  // 在输入四周补零：上下各 Ph 行，左边 Pl 列、右边 Pr 列
  function padInput(X, H, W, Ph, Pl, Pr) {
    var padded = [], isPad = [];
    for (var a = 0; a < H + 2 * Ph; a++) {
      var prow = [], frow = [];
      for (var b = 0; b < Pl + W + Pr; b++) {
        var inside = a >= Ph && a < Ph + H && b >= Pl && b < Pl + W;
        prow.push(inside ? X[a - Ph][b - Pl] : 0);
        frow.push(!inside);
      }
      padded.push(prow);
      isPad.push(frow);
    }
    return { padded: padded, isPad: isPad };
  }

  // 滑动窗口：输出，以及哪些格子被某个窗口覆盖过。核的第 (u, v) 个元素乘输入的 (top + uD, left + vD)
  function slide(padded, used, Kh, K, S, D, Ho, Wo, dim) {
    var out = [], covered = padded.map(function (row) { return row.map(function () { return false; }); });
    for (var y = 0; y < Ho; y++) {
      var orow = [];
      for (var x = 0; x < Wo; x++) {
        var top = dim === 1 ? 0 : y * S, left = x * S, sum = 0;
        for (var u = 0; u < Kh; u++) {
          for (var v = 0; v < K; v++) {
            sum += used[u][v] * padded[top + u * D][left + v * D];
            covered[top + u * D][left + v * D] = true;
          }
        }
        orow.push(sum);
      }
      out.push(orow);
    }
    return { out: out, covered: covered };
  }

  function compute(o) {
    o = o || {};
    var dim = Number(o.dim);
    if (dim !== 1 && dim !== 2) return fail("dim", "dim 必须是 1 或 2，收到 " + o.dim);
    var p = readParams(o, dim);
    if (p.ok === false) return p;
    var mode = o.mode === undefined ? "corr" : o.mode;
    if (mode !== "corr" && mode !== "conv") return fail("mode", "mode 必须是 corr 或 conv，收到 " + o.mode);
    var H = dim === 1 ? 1 : p.H, W = dim === 1 ? p.M : p.W;
    var K = p.K, S = p.S, D = p.D, Pl = p.Pl, Pr = p.Pr;
    var Kh = dim === 1 ? 1 : K, Ph = dim === 1 ? 0 : Pl;
    var Hp = H + 2 * Ph, Wp = Pl + W + Pr, span = D * (K - 1) + 1;
    var big = tooBig(dim, K, D, Hp, Wp, Pl, Pr);
    if (big) return fail(big.field, big.error);
    var X = o.input === undefined || o.input === null ? pattern(H, W) : asMatrix(o.input, H, W);
    if (!X) return fail("input", "input 的形状必须是 " + (dim === 1 ? W : H + "×" + W) + "，且都是有限的数");
    var Wk = o.kernel === undefined || o.kernel === null ? pattern(Kh, K) : asMatrix(o.kernel, Kh, K);
    if (!Wk) return fail("kernel", "kernel 的形状必须是 " + (dim === 1 ? K : K + "×" + K) + "，且都是有限的数");

    // 卷积（书中的定义）= 把核旋转 180° 后做互相关
    var used = mode === "conv"
      ? Wk.map(function (row) { return row.slice().reverse(); }).reverse()
      : Wk.map(function (row) { return row.slice(); });
    var pad = padInput(X, H, W, Ph, Pl, Pr);
    var Ho = dim === 1 ? 1 : Math.floor((Hp - span) / S) + 1;
    var Wo = Math.floor((Wp - span) / S) + 1;
    var s = slide(pad.padded, used, Kh, K, S, D, Ho, Wo, dim);
    var g = { dim: dim, H: H, W: W, K: K, S: S, D: D, Pl: Pl, Pr: Pr, Ho: Ho, Wo: Wo };
    return {
      ok: true, dim: dim, mode: mode, H: H, W: W, K: K, S: S, D: D, P: Pl, Pl: Pl, Pr: Pr, Kh: Kh, Ph: Ph,
      Hp: Hp, Wp: Wp, Ho: Ho, Wo: Wo, input: X, kernel: Wk, used: used, padded: pad.padded,
      isPad: pad.isPad, covered: s.covered, output: s.out,
      outShape: dim === 1 ? [Wo] : [Ho, Wo],
      values: dim === 1 ? s.out[0].slice() : s.out.map(function (row) { return row.slice(); }),
      tex: formulaTex(g, false),
      texStacked: formulaTex(g, true),
      text: formulaText(g)
    };
  }

  // 公式里补零的那一项：两端相同写 2P，不同写 P左 + P右；[符号, 代入数字]
  function padTerms(g, tex) {
    if (g.Pl === g.Pr) return tex ? ["+2P", "+2\\times" + g.Pl] : [" + 2P", " + 2×" + g.Pl];
    return tex ? ["+P_{\\text{左}}+P_{\\text{右}}", "+" + g.Pl + "+" + g.Pr]
      : [" + P左 + P右", " + " + g.Pl + " + " + g.Pr];
  }

  // 公式里核的那一项：D = 1 时是 K，否则是 D(K − 1) + 1；[符号, 代入数字]
  function kernelTerms(g, tex) {
    if (g.D === 1) return tex ? ["-K", "-" + g.K] : [" − K", " − " + g.K];
    return tex ? ["-D(K-1)-1", "-" + g.D + "\\times(" + g.K + "-1)-1"]
      : [" − D(K − 1) − 1", " − " + g.D + "×(" + g.K + " − 1) − 1"];
  }

  // stacked: 窄屏上把代入数字的一半换到下一行
  function formulaTex(g, stacked) {
    var brk = stacked ? "\\\\&" : "", pt = padTerms(g, true), kt = kernelTerms(g, true);
    function one(lhs, n, sym, res) {
      return lhs + "\\left\\lfloor\\frac{" + sym + pt[0] + kt[0] + "}{S}\\right\\rfloor+1" + brk +
        "=\\left\\lfloor\\frac{" + n + pt[1] + kt[1] + "}{" + g.S + "}\\right\\rfloor+1=" + res;
    }
    if (g.dim === 1) {
      var f = one("", g.W, "M", g.Wo);
      return stacked ? "\\begin{aligned}&" + f + "\\end{aligned}" : f;
    }
    return "\\begin{aligned}" + one("H'&=", g.H, "H", g.Ho) + "\\\\" + one("W'&=", g.W, "W", g.Wo) +
      "\\end{aligned}";
  }

  function formulaText(g) {
    var pt = padTerms(g, false), kt = kernelTerms(g, false);
    function one(lhs, n, sym, res) {
      return lhs + "⌊(" + sym + pt[0] + kt[0] + ") / S⌋ + 1 = ⌊(" + n + pt[1] + kt[1] + ") / " + g.S +
        "⌋ + 1 = " + res;
    }
    if (g.dim === 1) return one("", g.W, "M", g.Wo);
    return one("H′ = ", g.H, "H", g.Ho) + "；" + one("W′ = ", g.W, "W", g.Wo);
  }

  function fmt(v) {
    if (Number.isInteger(v)) return String(v);
    return String(Math.round(v * 100) / 100);
  }

  // 乘式里的因子：负数加括号，1×(-1) 而不是 1×-1
  function factor(v) {
    var t = fmt(v);
    return t.charAt(0) === "-" ? "(" + t + ")" : t;
  }

  // ------------------------------------------------------------------ 小工具

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") node.textContent = attrs[k];
        else if (k === "class") node.className = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  // 标签文字“名称 P”，sub 为真时 P 带下标（P左、P右，与公式一致）
  function setSymbol(span, name, sub, withSub) {
    span.textContent = name + " P";
    if (withSub) span.appendChild(el("sub", { text: sub }));
  }

  function parseJSON(s) {
    if (!s) return null;
    try { return JSON.parse(s); } catch (e) { return null; }
  }

  // 说明文字里“K − 1 = 3”这样的式子不在运算符处折行（换成不换行的空格）
  function keepTogether(text) {
    return text.replace(/ ([−+=]) /g, "\u00a0$1\u00a0");
  }

  // 一维预设：书中的三类卷积，都取步长 1、膨胀率 1；P 是左端补零，Pr 是右端补零
  function preset1d(name, st) {
    var pr = presetPads(name, Number(st.K));
    if (pr) { pr.note = keepTogether(pr.note); pr.D = 1; }
    return pr;
  }

  function presetPads(name, K) {
    if (!Number.isInteger(K) || K < 1) return null;
    if (name === "narrow") return { S: 1, P: 0, Pr: 0, note: "窄卷积：S = 1，P = 0，输出长度 M − K + 1。" };
    if (name === "wide") {
      return { S: 1, P: K - 1, Pr: K - 1, note: "宽卷积：S = 1，P = K − 1，输出长度 M + K − 1。" };
    }
    if (name !== "same") return null;
    if (K % 2 === 1) {
      return { S: 1, P: (K - 1) / 2, Pr: (K - 1) / 2, note: "等宽卷积：S = 1，P = (K − 1)/2，输出长度 M。" };
    }
    // K 为偶数：一共补 K − 1 个零（奇数个），多出的那个补在右端，和 PyTorch 的 padding="same" 一样
    var left = Math.floor((K - 1) / 2), right = K / 2;
    return { S: 1, P: left, Pr: right, note: "等宽卷积：S = 1。K = " + K + " 是偶数，要补 K − 1 = " + (K - 1) +
      " 个零，两端没法一样多：左端补 ⌊(K − 1)/2⌋ = " + left + " 个，右端补 K/2 = " + right +
      " 个（PyTorch 的 padding=\"same\" 也把多出的那个零补在右边），输出长度仍是 M。" };
  }

  // 二维预设：讲义里的几个例子，带着例子自己的输入和核（没有给出的按 (i·W + j) mod 10 生成）
  var FIVE = [0, 1, 2, 3, 4];
  var ARANGE_5X5 = FIVE.map(function (i) { return FIVE.map(function (j) { return 5 * i + j; }); });
  var ONES_3X3 = [[1, 1, 1], [1, 1, 1], [1, 1, 1]];
  var PRESETS_2D = {
    example: { label: "3×3 输入，2×2 核", st: { H: 3, W: 3, K: 2, S: 1, P: 0, D: 1 }, mode: "corr",
      note: "输入 0..8、核 [[0, 1], [2, 3]]，互相关的结果是 [[19, 25], [37, 43]]。" },
    book: { label: "书中 5×5 的卷积", st: { H: 5, W: 5, K: 3, S: 1, P: 0, D: 1 }, mode: "conv",
      input: [[1, 1, 1, 1, 1], [-1, 0, -3, 0, 1], [2, 1, 1, -1, 0], [0, -1, 1, 2, 1], [1, 2, 1, 1, 1]],
      kernel: [[1, 0, 0], [0, 0, 0], [0, 0, -1]],
      note: "书中的例子：5×5 的输入与 3×3 的核做卷积（核先旋转 180°），输出 [[0, -2, -1], [2, 2, 4], [-1, 0, 0]]。" },
    stride2pad0: { label: "步长 2，填充 0", st: { H: 5, W: 5, K: 3, S: 2, P: 0, D: 1 }, mode: "corr",
      input: ARANGE_5X5, kernel: ONES_3X3,
      note: "输入是 0..24 排成的 5×5 矩阵，核是全 1 的 3×3，步长 2、不填充：输出 2×2，" +
        "[[54, 72], [144, 162]]。" },
    stride2pad1: { label: "步长 2，填充 1", st: { H: 5, W: 5, K: 3, S: 2, P: 1, D: 1 }, mode: "corr",
      input: ARANGE_5X5, kernel: ONES_3X3,
      note: "同样的输入和核，四周各补一圈零再以步长 2 滑动：输出 3×3，" +
        "[[12, 27, 24], [63, 108, 81], [72, 117, 84]]。" },
    lenet: { label: "32×32 输入，5×5 核", st: { H: 32, W: 32, K: 5, S: 1, P: 0, D: 1 }, mode: "corr",
      note: "32×32 的输入经过 5×5 的核，输出 28×28（输入数值按 (i·W + j) mod 10 生成）。" }
  };

  // ------------------------------------------------------------------ 按需加载 KaTeX

  var katexPromise = null;

  function hasKatex() {
    return !!(window.katex && typeof window.katex.render === "function");
  }

  // KaTeX 的地址：相对于本文件（assets/js/conv-explorer.js -> assets/katex/katex.min.js），
  // 从 file:// 打开的离线副本和 http 都适用
  function katexUrl() {
    try { return new URL("../katex/katex.min.js", SCRIPT_SRC).href; } catch (e) { return null; }
  }

  // 插入一次 <script>，所有部件共用同一个 promise；结果为 true 表示 KaTeX 可用。失败时不抛错
  function loadKatex() {
    if (hasKatex()) return Promise.resolve(true);
    if (katexPromise) return katexPromise;
    katexPromise = new Promise(function (resolve) {
      var url = katexUrl();
      if (!url) { resolve(false); return; }
      var script = document.createElement("script");
      script.src = url;
      script.async = true;
      script.onload = function () { resolve(hasKatex()); };
      script.onerror = function () { resolve(false); };
      document.head.appendChild(script);
    });
    return katexPromise;
  }

  // ------------------------------------------------------------------ 滚动：让当前窗口留在框里

  // 一组格子在滚动框内容里的位置 {l, t, w, h}（与框当前滚到哪里无关）
  function contentRect(box, cells) {
    var b = box.getBoundingClientRect();
    var x0 = b.left + box.clientLeft - box.scrollLeft, y0 = b.top + box.clientTop - box.scrollTop;
    var l = Infinity, t = Infinity, r = -Infinity, btm = -Infinity;
    cells.forEach(function (c) {
      var q = c.getBoundingClientRect();
      l = Math.min(l, q.left); t = Math.min(t, q.top); r = Math.max(r, q.right); btm = Math.max(btm, q.bottom);
    });
    return { l: l - x0, t: t - y0, w: r - l, h: btm - t };
  }

  // 一个方向上该滚到哪里：已经看得见就不动；否则把目标放在可见部分的前三分之一处（向后留出余地）。
  // start 是框开头被固定的标签挡住的宽度
  function scrollTarget(pos, size, start, view, cur) {
    var margin = 4, room = view - start;
    if (pos - margin >= cur + start && pos + size + margin <= cur + view) return cur;
    return Math.max(0, Math.round(pos - start - Math.max(margin, (room - size) / 3)));
  }

  function revealIn(box, rc, start) {
    if (!box || box.clientWidth === 0) return;
    if (box.scrollWidth > box.clientWidth) {
      var x = scrollTarget(rc.l, rc.w, start, box.clientWidth, box.scrollLeft);
      if (x !== box.scrollLeft) box.scrollLeft = x;
    }
    if (box.scrollHeight > box.clientHeight) {
      var y = scrollTarget(rc.t, rc.h, 0, box.clientHeight, box.scrollTop);
      if (y !== box.scrollTop) box.scrollTop = y;
    }
  }

  // ------------------------------------------------------------------ 部件

  function Explorer(root) {
    this.root = root;
    var d = root.dataset;
    this.dim = d.dim === "2" ? 2 : 1;
    this.keys = this.dim === 1 ? ["M", "K", "S", "P", "D"] : ["H", "W", "K", "S", "P", "D"];
    this.st = this.dim === 1
      ? { M: d.m || 7, K: d.k || 3, S: d.s || 1, P: d.p || 0, Pr: d.p || 0, D: d.d || 1 }
      : { H: d.h || 3, W: d.w || 3, K: d.k || 2, S: d.s || 1, P: d.p || 0, D: d.d || 1 };
    this.asym = false; // 一维：两端补零是否分开设（否则右端跟着 P 走）
    this.mode = d.mode === "conv" ? "conv" : "corr";
    this.input = parseJSON(d.input);
    this.kernel = parseJSON(d.kernel);
    this.step = 0;
    this.shown = -1; // 输出格画到了第几格（下标）：每一步只改变化了的格子
    this.timer = null;
    this.speed = DEFAULT_SPEED;
    this.note = "";
    if (d.preset) {
      var pr = this.dim === 1 ? preset1d(d.preset, this.st) : PRESETS_2D[d.preset];
      if (pr) this.applyPreset(pr, false);
    }
    this.build();
    this.update();
  }

  Explorer.prototype.applyPreset = function (pr, redraw) {
    var st = pr.st || pr;
    var self = this;
    ["H", "W", "M", "K", "S", "P", "Pr", "D"].forEach(function (k) {
      if (st[k] !== undefined && k in self.st) self.st[k] = st[k];
    });
    if (this.dim === 1) this.asym = st.Pr !== undefined && st.Pr !== st.P;
    else { // 二维预设带着例子自己的数值和运算
      this.input = pr.input || null;
      this.kernel = pr.kernel || null;
      this.mode = pr.mode || this.mode;
    }
    this.note = pr.note || "";
    if (redraw) {
      Object.keys(this.fields).forEach(function (k) { self.fields[k].value = self.st[k]; });
      Object.keys(this.modeInputs).forEach(function (m) { self.modeInputs[m].checked = self.mode === m; });
      this.showAsym();
      this.update();
    }
  };

  // 当前参数是不是某个预设（按下的预设按钮带 aria-pressed="true"）
  Explorer.prototype.matches = function (name) {
    var r = this.r;
    if (!r || !r.ok || r.D !== 1) return false;
    if (this.dim === 1) {
      var pads = presetPads(name, r.K);
      return !!pads && r.S === 1 && r.Pl === pads.P && r.Pr === pads.Pr;
    }
    var p = PRESETS_2D[name], st = p.st, same = function (a, b) { return JSON.stringify(a) === JSON.stringify(b); };
    return r.H === st.H && r.W === st.W && r.K === st.K && r.S === st.S && r.P === st.P && r.mode === p.mode &&
      same(r.input, p.input || pattern(st.H, st.W)) && same(r.kernel, p.kernel || pattern(st.K, st.K));
  };

  // 数字框：改动时更新参数并重画
  Explorer.prototype.numberField = function (k) {
    var self = this;
    var input = el("input", {
      type: "number", inputmode: "numeric", step: "1", min: k === "P" || k === "Pr" ? "0" : "1",
      max: String(LIMITS[k]), value: String(this.st[k]), class: "cx-num", "data-param": k
    });
    input.addEventListener("input", function () {
      self.st[k] = input.value;
      self.note = "";
      self.update();
    });
    this.fields[k] = input;
    this.labels[k] = el("span", { text: NAMES[k] + " " + k });
    return el("label", { class: "cx-field" }, [this.labels[k], input]);
  };

  // 参数；一维另有右端补零的数字框和“两端补零不同”的勾选框；最后是膨胀率
  Explorer.prototype.buildParams = function () {
    var self = this;
    this.fields = {};
    this.labels = {};
    var params = el("div", { class: "cx-params" });
    this.keys.forEach(function (k) { if (k !== "D") params.appendChild(self.numberField(k)); });
    if (this.dim === 1) {
      this.prField = this.numberField("Pr");
      params.appendChild(this.prField);
      this.asymBox = el("input", { type: "checkbox", class: "cx-asym" });
      this.asymBox.addEventListener("change", function () {
        self.asym = self.asymBox.checked;
        self.note = "";
        self.showAsym();
        self.update();
      });
      params.appendChild(el("label", { class: "cx-check" }, [this.asymBox, el("span", { text: "两端补零不同" })]));
      this.showAsym();
    }
    params.appendChild(this.numberField("D"));
    return params;
  };

  // 两端补零相同时只显示 P；不同时 P 改叫左端补零，并显示右端补零
  Explorer.prototype.showAsym = function () {
    if (this.dim !== 1) return;
    this.asymBox.checked = this.asym;
    this.prField.hidden = !this.asym;
    setSymbol(this.labels.P, this.asym ? "左端补零" : "填充", "左", this.asym);
    setSymbol(this.labels.Pr, "右端补零", "右", true);
  };

  Explorer.prototype.build = function () {
    var self = this, root = this.root;
    // 后备文字留在页面里但隐藏（脚本关闭时读者看到的就是它）
    var fallback = el("div", { class: "cx-fallback", hidden: "" });
    while (root.firstChild) fallback.appendChild(root.firstChild);
    root.appendChild(fallback);

    var title = this.dim === 1 ? "一维卷积演示" : "二维卷积演示";
    var ui = el("div", { class: "cx-ui", role: "group", "aria-label": title });

    var params = this.buildParams();

    // 运算：互相关 / 卷积
    var modeBox = el("fieldset", { class: "cx-mode" }, [el("legend", { text: "运算" })]);
    this.modeInputs = {};
    [["corr", "互相关（核不翻转）"], ["conv", "卷积（核翻转 180°）"]].forEach(function (m) {
      var radio = el("input", { type: "radio", value: m[0] });
      radio.name = "cx-mode-" + Explorer.count;
      radio.checked = self.mode === m[0];
      radio.addEventListener("change", function () {
        if (radio.checked) { self.mode = m[0]; self.update(); }
      });
      self.modeInputs[m[0]] = radio;
      modeBox.appendChild(el("label", { class: "cx-radio" }, [radio, el("span", { text: m[1] })]));
    });
    Explorer.count += 1;

    // 预设：与当前参数相同的那个按钮是按下的
    var presets = el("div", { class: "cx-presets", role: "group", "aria-label": "预设" });
    var list = this.dim === 1
      ? [["narrow", "窄卷积"], ["wide", "宽卷积"], ["same", "等宽卷积"]]
      : Object.keys(PRESETS_2D).map(function (k) { return [k, PRESETS_2D[k].label]; });
    this.presetBtns = {};
    list.forEach(function (item) {
      var btn = el("button", { type: "button", class: "md-button cx-preset", text: item[1],
        "data-preset": item[0], "aria-pressed": "false" });
      btn.addEventListener("click", function () {
        var pr = self.dim === 1 ? preset1d(item[0], self.st) : PRESETS_2D[item[0]];
        if (pr) self.applyPreset(pr, true);
      });
      self.presetBtns[item[0]] = btn;
      presets.appendChild(btn);
    });

    this.formula = el("div", { class: "cx-formula" });
    this.noteEl = el("p", { class: "cx-note" });
    this.error = el("p", { class: "cx-error", role: "alert" });

    // 画面：能获得焦点，键盘可以操作。一维时它就是横向滚动的框；二维时输入、核、输出各有自己的框
    this.stage = el("div", {
      class: "cx-stage" + (this.dim === 1 ? " cx-box" : ""), tabindex: "0", role: "group",
      "aria-label": title + "画面：← → 单步，空格 播放或暂停，Home / End 跳到第一步或最后一步"
    });

    // 播放控制
    var bar = this.bar = el("div", { class: "cx-playback", role: "group", "aria-label": "逐步演示" });
    function button(cls, text, fn) {
      var b = el("button", { type: "button", class: "md-button " + cls, text: text });
      b.addEventListener("click", fn);
      bar.appendChild(b);
      return b;
    }
    this.prevBtn = button("cx-prev", "← 上一步", function () { self.pause(); self.go(self.step - 1); });
    this.playBtn = button("cx-play", "▶ 播放", function () { self.toggle(); });
    this.playBtn.setAttribute("aria-pressed", "false");
    this.nextBtn = button("cx-next", "下一步 →", function () { self.pause(); self.go(self.step + 1); });
    this.endBtn = button("cx-end", "跳到最后", function () { self.pause(); self.go(self.total); });
    this.resetBtn = button("cx-reset", "重来", function () { self.pause(); self.go(1); });
    var speed = this.speedSel = el("select", { class: "cx-speed" });
    SPEEDS.forEach(function (v) {
      var opt = el("option", { value: String(v), text: v + " 步/秒" });
      opt.selected = v === self.speed;
      speed.appendChild(opt);
    });
    speed.addEventListener("change", function () {
      self.speed = Number(speed.value);
      if (self.timer) { self.pause(); self.play(); } // 正在播放：换成新速度接着放
    });
    bar.appendChild(el("label", { class: "cx-field cx-speed-field" }, [el("span", { text: "速度" }), speed]));
    this.counter = el("span", { class: "cx-counter" });
    bar.appendChild(this.counter);

    this.status = el("p", { class: "cx-status", "aria-live": "polite" });
    // 键盘提示只给有键盘和鼠标的屏幕（触屏上由 CSS 隐藏）
    this.keysHint = el("span", { class: "cx-keys",
      text: "点一下画面（或用 Tab 键选中它）后：← → 单步，空格 播放/暂停，End 跳到最后。" });
    this.dataHint = el("span", { class: "cx-data" });
    this.hint = el("p", { class: "cx-hint" }, [this.keysHint, this.dataHint]);

    ui.appendChild(params);
    ui.appendChild(modeBox);
    ui.appendChild(presets);
    ui.appendChild(this.formula);
    ui.appendChild(this.noteEl);
    ui.appendChild(this.error);
    ui.appendChild(this.stage);
    ui.appendChild(bar);
    ui.appendChild(this.status);
    ui.appendChild(this.hint);
    root.appendChild(ui);

    // 键盘：部件内任意位置（数字框、单选框、速度选择除外，它们自己要用方向键）
    root.addEventListener("keydown", function (ev) {
      var t = ev.target;
      if (t && (t.tagName === "INPUT" || t.tagName === "SELECT")) return;
      var key = ev.key;
      var onStage = t && t.classList && (t === self.stage || t.classList.contains("cx-box"));
      if (key === "ArrowRight") { self.pause(); self.go(self.step + 1); }
      else if (key === "ArrowLeft") { self.pause(); self.go(self.step - 1); }
      else if (key === "Home") { self.pause(); self.go(1); }
      else if (key === "End") { self.pause(); self.go(self.total); }
      else if ((key === " " || key === "Spacebar") && onStage) self.toggle();
      else return;
      ev.preventDefault();
    });
  };
  Explorer.count = 0;

  Explorer.prototype.update = function () {
    var self = this;
    this.pause();
    var opts = { dim: this.dim, mode: this.mode };
    this.keys.forEach(function (k) { opts[k] = self.st[k]; });
    if (this.dim === 1 && this.asym) opts.Pr = this.st.Pr;
    else if (this.dim === 1) this.fields.Pr.value = this.st.Pr = this.st.P; // 右端跟着 P 走
    var r0 = compute(opts);
    // 页面（或预设）给出的具体数值只在形状相符时使用
    if (r0.ok && (this.input || this.kernel)) {
      opts.input = this.input && asMatrix(this.input, r0.H, r0.W) ? this.input : undefined;
      opts.kernel = this.kernel && asMatrix(this.kernel, r0.Kh, r0.K) ? this.kernel : undefined;
      r0 = compute(opts);
    }
    var r = this.r = r0;
    var root = this.root;
    Object.keys(this.fields).forEach(function (k) {
      if (!r.ok && r.field === k) self.fields[k].setAttribute("aria-invalid", "true");
      else self.fields[k].removeAttribute("aria-invalid");
    });
    Object.keys(this.presetBtns).forEach(function (name) {
      self.presetBtns[name].setAttribute("aria-pressed", self.matches(name) ? "true" : "false");
    });
    var note = this.note;
    if (!note && r.ok && r.D > 1) {
      note = keepTogether("空洞卷积（dilated convolution）：核的相邻两个元素在输入上相隔 D = " + r.D + " 格，" +
        "中间空出 D − 1 = " + (r.D - 1) + " 格，窗口跨 D(K − 1) + 1 = " + (r.D * (r.K - 1) + 1) + " 格。");
    }
    this.noteEl.textContent = note;
    this.noteEl.hidden = !note;
    if (!r.ok) {
      this.error.textContent = r.error;
      this.error.hidden = false;
      root.classList.add("cx-invalid");
      root.setAttribute("data-error", r.error);
      ["data-output-shape", "data-output-length", "data-output-values"].forEach(function (a) {
        root.removeAttribute(a);
      });
      this.stage.textContent = "";
      this.stage.hidden = true;
      this.bar.hidden = true;
      this.formula.textContent = "";
      this.status.textContent = "";
      this.counter.textContent = "";
      this.total = 0;
      return;
    }
    this.error.textContent = "";
    this.error.hidden = true;
    this.stage.hidden = false;
    this.bar.hidden = false;
    root.classList.remove("cx-invalid");
    root.removeAttribute("data-error");
    root.setAttribute("data-output-shape", r.outShape.join("x"));
    if (r.dim === 1) root.setAttribute("data-output-length", String(r.Wo));
    else root.removeAttribute("data-output-length");
    root.setAttribute("data-output-values", JSON.stringify(r.values));
    this.dataHint.textContent = opts.input && opts.kernel ? "输入和核都是例子里的数值。"
      : (opts.input ? "输入是例子里的数值，" : this.dim === 2 ? "输入数值按 (i·W + j) mod 10 生成，"
        : "输入数值按 i mod 10 生成，") +
      (opts.kernel ? "核是例子里的数值。" : this.dim === 2 ? "核按 (u·K + v) mod 10 生成。" : "核按 k mod 10 生成。");

    this.renderFormula();
    this.draw();
    this.total = r.Ho * r.Wo;
    this.fit();
    this.go(1);
  };

  // 公式：有 KaTeX 就排版；还没加载完（或加载失败）时先显示文字版，加载完再换成排版的
  Explorer.prototype.renderFormula = function () {
    var r = this.r, self = this;
    if (!r || !r.ok) return;
    this.narrow = this.root.clientWidth > 0 && this.root.clientWidth < 560;
    if (!hasKatex()) {
      this.formula.textContent = r.text;
      if (!this.waiting) {
        this.waiting = true;
        loadKatex().then(function (ok) {
          self.waiting = false;
          if (ok) self.renderFormula();
        });
      }
      return;
    }
    try {
      window.katex.render(this.narrow ? r.texStacked : r.tex, this.formula, { displayMode: true, throwOnError: true });
    } catch (e) {
      this.formula.textContent = r.text;
    }
  };

  // 屏幕宽度变了（手机转屏）：滚动框能否获得焦点、公式是否折行、当前窗口的位置都重新看一遍
  Explorer.prototype.fit = function () {
    var r = this.r;
    if (!r || !r.ok) return;
    (this.boxes || []).forEach(function (b) {
      // 可以滚动的框要能用键盘选中（读屏和键盘用户才滚得动它）
      if (b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1) b.setAttribute("tabindex", "0");
      else b.removeAttribute("tabindex");
    });
    var narrow = this.root.clientWidth > 0 && this.root.clientWidth < 560;
    if (narrow !== this.narrow) this.renderFormula();
    this.reveal();
  };

  // 搭出格子（参数变了才重建），每一步只改几个类名
  Explorer.prototype.draw = function () {
    var r = this.r, stage = this.stage;
    stage.textContent = "";
    var big = r.Wp > 16 || r.Hp > 16;
    stage.classList.toggle("cx-big", big);
    this.cells = [];
    this.outCells = [];
    this.active = [];
    this.shown = -1;
    this.boxes = [];
    var self = this;

    function cell(v, cls) {
      return el("div", { class: "cx-cell " + (cls || ""), text: fmt(v) });
    }
    function outCell(v, title) {
      var oc = cell(v, "cx-outcell");
      oc.title = title;
      oc.setAttribute("aria-hidden", "true"); // 还没算到：画面上是空格，读屏也先不读
      self.outCells.push(oc);
      return oc;
    }

    if (r.dim === 1) {
      // 一个网格：第 1 列是固定在左边的行名，第 1 行输入、第 2 行核、（空一行）第 4 行输出。
      // 每个输出格画在它的窗口正中的下面：步长为 S 时输出之间空 S − 1 格，当前输出总和窗口一起看得见
      var grid = el("div", { class: "cx-grid1" });
      grid.style.gridTemplateColumns = "auto repeat(" + r.Wp + ", var(--cx-cell))";
      var label = function (text, row) {
        var lb = el("div", { class: "cx-label", text: text });
        lb.style.gridRow = String(row);
        grid.appendChild(lb);
        return lb;
      };
      this.labelEl = label("输入 x", 1);
      var row1 = [];
      this.cells = [row1];
      for (var j = 0; j < r.Wp; j++) {
        var c = cell(r.padded[0][j], r.isPad[0][j] ? "cx-pad" : "");
        if (!r.covered[0][j]) c.classList.add("cx-unused");
        c.title = !r.isPad[0][j] ? "x[" + (j - r.Pl) + "]" : j < r.Pl ? "左端补的零" : "右端补的零";
        c.style.gridRow = "1";
        row1.push(c);
        grid.appendChild(c);
      }
      label(r.mode === "conv" ? "翻转的核" : "核 w", 2);
      this.kernelCells = [];
      for (var k = 0; k < r.K; k++) {
        var kc = cell(r.used[0][k], "cx-kernel");
        kc.style.gridRow = "2";
        this.kernelCells.push(kc);
        grid.appendChild(kc);
      }
      label("输出 y", 4);
      var middle = Math.floor(r.D * (r.K - 1) / 2);
      for (var o = 0; o < r.Wo; o++) {
        var oc = outCell(r.output[0][o], "y[" + o + "]");
        oc.style.gridRow = "4";
        oc.style.gridColumnStart = String(o * r.S + middle + 2);
        grid.appendChild(oc);
      }
      stage.appendChild(grid);
      return;
    }

    // 二维：输入、核、输出各在自己的框里，窄屏上依次换行；框太大时在框里滚动
    function matrix(caption, rows, cols, value, decorate) {
      var fig = el("div", { class: "cx-mat" });
      fig.appendChild(el("div", { class: "cx-caption", text: caption }));
      var g = el("div", { class: "cx-grid2" });
      g.style.gridTemplateColumns = "repeat(" + cols + ", var(--cx-cell))";
      var made = [];
      for (var i = 0; i < rows; i++) {
        var row = [];
        for (var jj = 0; jj < cols; jj++) {
          var cc = decorate(value(i, jj), i, jj);
          row.push(cc);
          g.appendChild(cc);
        }
        made.push(row);
      }
      var box = el("div", { class: "cx-box", role: "group", "aria-label": caption }, [g]);
      fig.appendChild(box);
      self.boxes.push(box);
      return { fig: fig, cells: made, box: box };
    }

    var inp = matrix("补零后的输入（" + r.Hp + "×" + r.Wp + "）", r.Hp, r.Wp,
      function (i, jj) { return r.padded[i][jj]; },
      function (v, i, jj) {
        var cc = cell(v, r.isPad[i][jj] ? "cx-pad" : "");
        cc.title = r.isPad[i][jj] ? "补的零" : "X[" + (i - r.P) + ", " + (jj - r.P) + "]";
        if (!r.covered[i][jj]) cc.classList.add("cx-unused");
        return cc;
      });
    var ker = matrix((r.mode === "conv" ? "翻转 180° 后的核" : "核 W") + "（" + r.K + "×" + r.K + "）",
      r.K, r.K, function (i, jj) { return r.used[i][jj]; },
      function (v) { return cell(v, "cx-kernel"); });
    var out = matrix("输出（" + r.Ho + "×" + r.Wo + "）", r.Ho, r.Wo,
      function (i, jj) { return r.output[i][jj]; },
      function (v, i, jj) { return outCell(v, "Y[" + i + ", " + jj + "]"); });
    stage.appendChild(el("div", { class: "cx-mats" }, [inp.fig, ker.fig, out.fig]));
    this.cells = inp.cells;
    this.inBox = inp.box;
    this.outBox = out.box;
  };

  // 输出格：下标小于 idx 的已经算过，idx 是当前这一格，后面的还没算。只改上一步和这一步之间的格子
  Explorer.prototype.showUpTo = function (idx) {
    var cells = this.outCells, prev = this.shown;
    var lo = Math.max(0, Math.min(prev, idx)), hi = Math.min(cells.length - 1, Math.max(prev, idx));
    for (var i = lo; i <= hi; i++) {
      var c = cells[i];
      c.classList.toggle("cx-done", i < idx);
      c.classList.toggle("cx-now", i === idx);
      if (i > idx) c.setAttribute("aria-hidden", "true");
      else c.removeAttribute("aria-hidden");
    }
    this.shown = idx;
  };

  Explorer.prototype.go = function (step) {
    var r = this.r;
    if (!r || !r.ok || this.total === 0) return;
    step = Math.max(1, Math.min(this.total, step));
    this.step = step;
    var idx = step - 1, D = r.D;
    var oy = Math.floor(idx / r.Wo), ox = idx % r.Wo;
    var top = r.dim === 1 ? 0 : oy * r.S, left = ox * r.S;

    (this.active || []).forEach(function (c) {
      c.classList.remove("cx-win");
      c.removeAttribute("data-w");
    });
    this.active = [];
    var terms = [];
    for (var u = 0; u < r.Kh; u++) {
      for (var v = 0; v < r.K; v++) {
        var c = this.cells[top + u * D][left + v * D];
        c.classList.add("cx-win");
        if (r.dim === 2) c.setAttribute("data-w", "×" + fmt(r.used[u][v]));
        this.active.push(c);
        terms.push(factor(r.padded[top + u * D][left + v * D]) + "×" + factor(r.used[u][v]));
      }
    }
    if (r.dim === 1) {
      this.kernelCells.forEach(function (kc, k) { kc.style.gridColumnStart = String(left + k * D + 2); });
    }
    this.showUpTo(idx);
    var name = r.dim === 1 ? "y[" + ox + "]" : "Y[" + oy + ", " + ox + "]";
    this.status.textContent = name + " = " + terms.join(" + ") + " = " + fmt(r.output[oy][ox]);
    this.counter.textContent = "第 " + step + " / " + this.total + " 步";
    var focused = document.activeElement;
    this.prevBtn.disabled = step <= 1;
    this.nextBtn.disabled = this.endBtn.disabled = step >= this.total;
    // 按下的按钮刚变成不能点（第一步、最后一步）：焦点交给画面，键盘用户不会被甩回页面开头
    if (focused && focused.disabled && this.root.contains(focused)) this.stage.focus({ preventScroll: true });
    this.root.setAttribute("data-step", String(step));
    this.reveal();
  };

  // 让当前窗口（一维时连同它下面的核和输出格）和当前输出格出现在各自的框里（只滚动框，不滚动页面）
  Explorer.prototype.reveal = function () {
    var r = this.r, now = this.outCells[this.step - 1];
    if (!r || !r.ok || !this.active.length || !now) return;
    if (r.dim === 2) {
      revealIn(this.inBox, contentRect(this.inBox, this.active), 0);
      revealIn(this.outBox, contentRect(this.outBox, [now]), 0);
      return;
    }
    var box = this.stage;
    if (box.clientWidth === 0) return;
    // 行名固定在框的左边，挡住的那一段不算看得见
    var start = this.labelEl.getBoundingClientRect().right - box.getBoundingClientRect().left - box.clientLeft;
    revealIn(box, contentRect(box, this.active), start);
  };

  Explorer.prototype.toggle = function () {
    if (this.timer) this.pause(); else this.play();
  };

  // 播放：每秒 speed 步。按开始以来的时间算该到第几步，快的几档每 40 ms 前进几步；
  // 机器慢、计时器来迟了也不会放慢，只是一次多走几步
  Explorer.prototype.play = function () {
    var self = this;
    if (!this.r || !this.r.ok) return;
    if (this.step >= this.total) this.go(1);
    var start = performance.now(), from = this.step, speed = this.speed;
    this.timer = window.setInterval(function () {
      if (!self.root.isConnected) { self.pause(); return; } // 已经换页：停下
      var want = from + Math.floor((performance.now() - start) * speed / 1000);
      if (want > self.step) self.go(want);
      if (self.step >= self.total) self.pause();
    }, Math.max(MIN_TICK_MS, 1000 / speed));
    this.playBtn.textContent = "❚❚ 暂停";
    this.playBtn.setAttribute("aria-pressed", "true");
    this.status.setAttribute("aria-live", "off"); // 播放时不逐步朗读
  };

  Explorer.prototype.pause = function () {
    if (this.timer) window.clearInterval(this.timer);
    this.timer = null;
    if (this.playBtn) {
      this.playBtn.textContent = "▶ 播放";
      this.playBtn.setAttribute("aria-pressed", "false");
      this.status.setAttribute("aria-live", "polite");
    }
  };

  function mountAll() {
    var made = 0;
    document.querySelectorAll(".conv-explorer:not([data-cx-mounted])").forEach(function (root) {
      root.setAttribute("data-cx-mounted", "");
      root.convExplorer = new Explorer(root);
      made += 1;
    });
    if (made > 0) loadKatex(); // 第一个部件挂载时开始加载（已经有 KaTeX 时什么也不做）
    return made;
  }

  window.convExplorer = Object.freeze({
    version: 2,
    limits: Object.freeze(LIMITS),
    speeds: Object.freeze(SPEEDS.slice()),
    compute: compute,
    preset1d: function (name, K) { return preset1d(name, { K: K }); },
    presets2d: JSON.parse(JSON.stringify(PRESETS_2D)),
    pattern: pattern,
    mountAll: mountAll
  });

  // 不等 Material：脚本在 body 末尾，挂载点都已解析，马上挂载（后备文字不会先闪一下），DOMContentLoaded 时
  // 再看一遍；从 file:// 打开的副本里 Material 的 document$ 从不发出。然后订阅 document$：instant 导航
  // 每次换页都挂载新页面上的部件。mountAll 是幂等的
  mountAll();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(mountAll);

  // 屏幕宽度变了（转屏、拖动窗口）：一个监听器，管页面上所有的部件
  window.addEventListener("resize", function () {
    document.querySelectorAll(".conv-explorer[data-cx-mounted]").forEach(function (root) {
      if (root.convExplorer) root.convExplorer.fit();
    });
  });
})();
