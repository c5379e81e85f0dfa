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
 * 给出具体数值；参数改变后形状不符时退回默认数值）。
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
 *   window.convExplorer.compute({dim, M | H, W, K, S, P, Pr, mode, input, kernel})
 *     -> {ok: true, outShape, values, Pl, Pr, ...} 或 {ok: false, field, error}
 *   Pr 只用于一维：给出时 P 是左端补零、Pr 是右端补零；不给时两端都补 P。
 *   window.convExplorer.preset1d(name, K)     一维预设 -> {S, P, Pr, note}（P 左端、Pr 右端）
 *   window.convExplorer.pattern(rows, cols)   默认数值
 *   window.convExplorer.mountAll()            挂载页面上尚未挂载的部件（幂等）
 * 每个挂载后的元素带 data-output-shape（"4" 或 "2x2"）、一维时的 data-output-length、
 * data-output-values（输出的 JSON）；参数不可能时改为 data-error（错误信息）。
 *
 * 公式用 KaTeX 排版。页面本身不再带 KaTeX 的脚本（正文公式在构建时排好），所以第一个部件挂载时
 * 按本文件自己的地址找到 ../katex/katex.min.js 插入页面，整个页面（含 instant 导航）只加载一次；
 * 加载完成之前、或者加载失败时，显示文字版的公式。
 */
(function () {
  "use strict";
  if (window.convExplorer) return; // 脚本只初始化一次（instant 导航不会重复订阅）

  var LIMITS = { M: 64, H: 40, W: 40, K: 15, S: 16, P: 16, Pr: 16 };
  var NAMES = { M: "输入长度", H: "输入高度", W: "输入宽度", K: "核大小", S: "步长", P: "填充",
    Pr: "右端补零" };
  var TICK_MS = 700;
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
      return { error: label + " 不能为空" };
    }
    var n = Number(v);
    if (!Number.isInteger(n)) return { error: label + " 必须是整数，收到 " + v };
    var isPad = key === "P" || key === "Pr";
    if (isPad && n < 0) return { error: label + " 不能是负数，收到 " + n };
    if (!isPad && n < 1) return { error: label + " 必须是正整数，收到 " + n };
    if (n > LIMITS[key]) return { error: label + " 最大取 " + LIMITS[key] + "（再大就画不下了），收到 " + n };
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

  // 读出并检查整数参数；一维给了 Pr 时，P 只是左端补零
  function readParams(o, dim) {
    var asym = o.Pr !== undefined;
    if (asym && dim !== 1) return fail("Pr", "Pr（右端补零）只用于一维卷积，收到 dim = " + dim);
    var keys = dim === 1 ? ["M", "K", "S", "P"] : ["H", "W", "K", "S", "P"];
    if (asym) keys.push("Pr");
    var p = {};
    for (var i = 0; i < keys.length; i++) {
      var r = readInt(o, keys[i], asym && keys[i] === "P" ? "左端补零" : null);
      if (r.error) return fail(keys[i], r.error);
      p[keys[i]] = r.value;
    }
    p.Pl = p.P;
    if (!asym) p.Pr = p.P;
    return p;
  }

  // 核放不进补零后的输入时的说明；放得进时返回 null
  function tooBig(dim, K, Hp, Wp, Pl, Pr) {
    var what;
    if (dim === 2) what = "补零后的输入 " + Hp + "×" + Wp;
    else if (Pl === Pr) what = "补零后的输入长度 M + 2P = " + Wp;
    else what = "补零后的输入长度 M + P左 + P右 = " + Wp;
    if (K <= Wp && (dim === 1 || K <= Hp)) return null;
    return "K（核大小）= " + K + " 比" + what + " 还大：卷积核放不进去，没有输出。请减小 K 或" +
      (Pl === Pr ? "增大 P。" : "多补些零。");
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

  // 滑动窗口：输出，以及哪些格子被某个窗口覆盖过
  function slide(padded, used, Kh, K, S, Ho, Wo, dim) {
    var out = [], covered = padded.map(function (row) { return row.map(function () { return false; }); });
    for (var y = 0; y < Ho; y++) {
      var orow = [];
      for (var x = 0; x < Wo; x++) {
        var top = dim === 1 ? 0 : y * S, left = x * S, sum = 0;
        for (var u = 0; u < Kh; u++) {
          for (var v = 0; v < K; v++) {
            sum += used[u][v] * padded[top + u][left + v];
            covered[top + u][left + v] = true;
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
    var K = p.K, S = p.S, Pl = p.Pl, Pr = p.Pr;
    var Kh = dim === 1 ? 1 : K, Ph = dim === 1 ? 0 : Pl;
    var Hp = H + 2 * Ph, Wp = Pl + W + Pr;
    var big = tooBig(dim, K, Hp, Wp, Pl, Pr);
    if (big) return fail("K", big);
    var X = o.input === undefined || o.input === null ? pattern(H, W) : asMatrix(o.input, H, W);
    if (!X) return fail("input", "input 的形状必须是 " + (dim === 1 ? W : H + "×" + W) + "，且都是有限的数");
    var Wk = o.kernel === undefined || o.kernel === null ? pattern(Kh, K) : asMatrix(o.kernel, Kh, K);
    if (!Wk) return fail("kernel", "kernel 的形状必须是 " + (dim === 1 ? K : K + "×" + K) + "，且都是有限的数");

    // 卷积（书中的定义）= 把核旋转 180° 后做互相关
    var used = mode === "conv"
      ? Wk.map(function (row) { return row.slice().reverse(); }).reverse()
      : Wk.map(function (row) { return row.slice(); });
    var pad = padInput(X, H, W, Ph, Pl, Pr);
    var Ho = dim === 1 ? 1 : Math.floor((Hp - K) / S) + 1;
    var Wo = Math.floor((Wp - K) / S) + 1;
    var s = slide(pad.padded, used, Kh, K, S, Ho, Wo, dim);
    var g = { dim: dim, H: H, W: W, K: K, S: S, Pl: Pl, Pr: Pr, Ho: Ho, Wo: Wo };
    return {
      ok: true, dim: dim, mode: mode, H: H, W: W, K: K, S: S, P: Pl, Pl: Pl, Pr: Pr, Kh: Kh, Ph: Ph,
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

  // stacked: 窄屏上把代入数字的一半换到下一行
  function formulaTex(g, stacked) {
    var brk = stacked ? "\\\\&" : "", pt = padTerms(g, true);
    function one(lhs, n, sym, res) {
      return lhs + "\\left\\lfloor\\frac{" + sym + pt[0] + "-K}{S}\\right\\rfloor+1" + brk +
        "=\\left\\lfloor\\frac{" + n + pt[1] + "-" + g.K + "}{" + g.S + "}\\right\\rfloor+1=" + res;
    }
    if (g.dim === 1) {
      var f = one("", g.W, "M", g.Wo);
      return stacked ? "\\begin{aligned}&" + f + "\\end{aligned}" : f;
    }
    return "\\begin{aligned}" + one("H'&=", g.H, "H", g.Ho) + "\\\\" + one("W'&=", g.W, "W", g.Wo) +
      "\\end{aligned}";
  }

  function formulaText(g) {
    var pt = padTerms(g, false);
    function one(lhs, n, sym, res) {
      return lhs + "⌊(" + sym + pt[0] + " − K) / S⌋ + 1 = ⌊(" + n + pt[1] + " − " + g.K + ") / " + g.S +
        "⌋ + 1 = " + res;
    }
    if (g.dim === 1) return one("", g.W, "M", g.Wo);
    return one("H′ = ", g.H, "H", g.Ho) + "；" + one("W′ = ", g.W, "W", g.Wo);
  }

  function fmt(v) {
    if (Number.isInteger(v)) return String(v);
    return String(Math.round(v * 100) / 100);
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

  // 一维预设：书中的三类卷积，都取步长 1；P 是左端补零，Pr 是右端补零
  function preset1d(name, st) {
    var pr = presetPads(name, Number(st.K));
    if (pr) pr.note = keepTogether(pr.note);
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

  // 二维预设：讲义里的几个例子
  var PRESETS_2D = {
    example: { label: "3×3 输入，2×2 核", st: { H: 3, W: 3, K: 2, S: 1, P: 0 },
      note: "输入 0..8、核 [[0, 1], [2, 3]]，互相关的结果是 [[19, 25], [37, 43]]。" },
    lenet: { label: "32×32 输入，5×5 核", st: { H: 32, W: 32, K: 5, S: 1, P: 0 },
      note: "32×32 的输入经过 5×5 的核，输出 28×28（输入数值按 (i·W + j) mod 10 生成）。" },
    stride2pad0: { label: "步长 2，填充 0", st: { H: 5, W: 5, K: 3, S: 2, P: 0 },
      note: "5×5 的输入、3×3 的核、步长 2、不填充：输出 2×2。" },
    stride2pad1: { label: "步长 2，填充 1", st: { H: 5, W: 5, K: 3, S: 2, P: 1 },
      note: "同样的输入和核，四周各补一圈零再以步长 2 滑动：输出 3×3。" }
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

  // ------------------------------------------------------------------ 部件

  function Explorer(root) {
    this.root = root;
    var d = root.dataset;
    this.dim = d.dim === "2" ? 2 : 1;
    this.keys = this.dim === 1 ? ["M", "K", "S", "P"] : ["H", "W", "K", "S", "P"];
    this.st = this.dim === 1
      ? { M: d.m || 7, K: d.k || 3, S: d.s || 1, P: d.p || 0, Pr: d.p || 0 }
      : { H: d.h || 3, W: d.w || 3, K: d.k || 2, S: d.s || 1, P: d.p || 0 };
    this.asym = false; // 一维：两端补零是否分开设（否则右端跟着 P 走）
    this.mode = d.mode === "conv" ? "conv" : "corr";
    this.input = parseJSON(d.input);
    this.kernel = parseJSON(d.kernel);
    this.step = 0;
    this.timer = null;
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
    ["H", "W", "M", "K", "S", "P", "Pr"].forEach(function (k) {
      if (st[k] !== undefined && k in self.st) self.st[k] = st[k];
    });
    if (this.dim === 1) this.asym = st.Pr !== undefined && st.Pr !== st.P;
    this.note = pr.note || "";
    if (redraw) {
      Object.keys(this.fields).forEach(function (k) { self.fields[k].value = self.st[k]; });
      this.showAsym();
      this.update();
    }
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

  // 参数；一维另有右端补零的数字框和“两端补零不同”的勾选框
  Explorer.prototype.buildParams = function () {
    var self = this;
    this.fields = {};
    this.labels = {};
    var params = el("div", { class: "cx-params" });
    this.keys.forEach(function (k) { params.appendChild(self.numberField(k)); });
    if (this.dim !== 1) return params;
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

    // 预设
    var presets = el("div", { class: "cx-presets", role: "group", "aria-label": "预设" });
    var list = this.dim === 1
      ? [["narrow", "窄卷积"], ["wide", "宽卷积"], ["same", "等宽卷积"]]
      : Object.keys(PRESETS_2D).map(function (k) { return [k, PRESETS_2D[k].label]; });
    list.forEach(function (item) {
      var btn = el("button", { type: "button", class: "md-button cx-preset", text: item[1],
        "data-preset": item[0] });
      btn.addEventListener("click", function () {
        var pr = self.dim === 1 ? preset1d(item[0], self.st) : PRESETS_2D[item[0]];
        if (pr) self.applyPreset(pr, true);
      });
      presets.appendChild(btn);
    });

    this.formula = el("div", { class: "cx-formula" });
    this.noteEl = el("p", { class: "cx-note" });
    this.error = el("p", { class: "cx-error", role: "alert" });

    // 画面：可在自己的框里横向滚动；能获得焦点，键盘可以操作
    this.stage = el("div", {
      class: "cx-stage", tabindex: "0", role: "group",
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
    this.resetBtn = button("cx-reset", "重来", function () { self.pause(); self.go(1); });
    this.counter = el("span", { class: "cx-counter" });
    bar.appendChild(this.counter);

    this.status = el("p", { class: "cx-status", "aria-live": "polite" });
    this.hint = el("p", { class: "cx-hint" });

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

    // 键盘：部件内任意位置（数字框、单选框除外，它们自己要用方向键）
    root.addEventListener("keydown", function (ev) {
      var t = ev.target;
      if (t && t.tagName === "INPUT") return;
      var key = ev.key;
      if (key === "ArrowRight") { self.pause(); self.go(self.step + 1); }
      else if (key === "ArrowLeft") { self.pause(); self.go(self.step - 1); }
      else if (key === "Home") { self.pause(); self.go(1); }
      else if (key === "End") { self.pause(); self.go(self.total); }
      else if ((key === " " || key === "Spacebar") && t === self.stage) self.toggle();
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
    // 页面给出的具体数值只在形状相符时使用
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
    this.noteEl.textContent = this.note;
    this.noteEl.hidden = !this.note;
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
    this.hint.textContent = "点一下画面（或用 Tab 键选中它）后：← → 单步，空格 播放/暂停。" +
      (opts.input ? "输入是本页例子的数值，" : this.dim === 2 ? "输入数值按 (i·W + j) mod 10 生成，"
        : "输入数值按 i mod 10 生成，") +
      (opts.kernel ? "核是本页例子的数值。" : this.dim === 2 ? "核按 (u·K + v) mod 10 生成。" : "核按 k mod 10 生成。");

    this.renderFormula();
    this.draw();
    this.total = r.Ho * r.Wo;
    this.go(1);
  };

  // 公式：有 KaTeX 就排版；还没加载完（或加载失败）时先显示文字版，加载完再换成排版的
  Explorer.prototype.renderFormula = function () {
    var r = this.r, self = this;
    if (!r || !r.ok) return;
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
      var narrow = this.root.clientWidth > 0 && this.root.clientWidth < 560;
      window.katex.render(narrow ? r.texStacked : r.tex, this.formula, { displayMode: true, throwOnError: true });
    } catch (e) {
      this.formula.textContent = r.text;
    }
  };

  // 搭出格子（参数变了才重建），每一步只改几个类名
  Explorer.prototype.draw = function () {
    var r = this.r, stage = this.stage;
    stage.textContent = "";
    var big = r.Wp > 16 || r.Hp > 16;
    stage.classList.toggle("cx-big", big);
    this.cells = [];
    this.outCells = [];
    var self = this;

    function cell(v, cls) {
      return el("div", { class: "cx-cell " + (cls || ""), text: fmt(v) });
    }

    if (r.dim === 1) {
      var grid = el("div", { class: "cx-grid1" });
      grid.style.gridTemplateColumns = "auto repeat(" + r.Wp + ", var(--cx-cell))";
      grid.appendChild(el("div", { class: "cx-label", text: "输入 x" }));
      var row1 = [];
      this.cells = [row1];
      for (var j = 0; j < r.Wp; j++) {
        var c = cell(r.padded[0][j], r.isPad[0][j] ? "cx-pad" : "");
        if (!r.covered[0][j]) c.classList.add("cx-unused");
        c.title = !r.isPad[0][j] ? "x[" + (j - r.Pl) + "]" : j < r.Pl ? "左端补的零" : "右端补的零";
        row1.push(c);
        grid.appendChild(c);
      }
      grid.appendChild(el("div", { class: "cx-label", text: r.mode === "conv" ? "翻转的核" : "核 w" }));
      this.kernelCells = [];
      for (var k = 0; k < r.K; k++) {
        var kc = cell(r.used[0][k], "cx-kernel");
        kc.style.gridRow = "2";
        this.kernelCells.push(kc);
        grid.appendChild(kc);
      }
      stage.appendChild(grid);
      var outRow = el("div", { class: "cx-grid1 cx-out" });
      outRow.style.gridTemplateColumns = "auto repeat(" + r.Wo + ", var(--cx-cell))";
      outRow.appendChild(el("div", { class: "cx-label", text: "输出 y" }));
      for (var o = 0; o < r.Wo; o++) {
        var oc = cell(r.output[0][o], "cx-outcell");
        oc.title = "y[" + o + "]";
        this.outCells.push(oc);
        outRow.appendChild(oc);
      }
      stage.appendChild(outRow);
      return;
    }

    function matrix(caption, rows, cols, value, decorate) {
      var fig = el("div", { class: "cx-mat" });
      fig.appendChild(el("div", { class: "cx-caption", text: caption }));
      var g = el("div", { class: "cx-grid2" });
      g.style.gridTemplateColumns = "repeat(" + cols + ", var(--cx-cell))";
      var made = [];
      for (var i = 0; i < rows; i++) {
        var row = [];
        for (var jj = 0; jj < cols; jj++) {
          var cc = cell(value(i, jj));
          if (decorate) decorate(cc, i, jj);
          row.push(cc);
          g.appendChild(cc);
        }
        made.push(row);
      }
      fig.appendChild(g);
      return { fig: fig, cells: made };
    }

    var inp = matrix("补零后的输入（" + r.Hp + "×" + r.Wp + "）", r.Hp, r.Wp,
      function (i, jj) { return r.padded[i][jj]; },
      function (cc, i, jj) {
        if (r.isPad[i][jj]) { cc.classList.add("cx-pad"); cc.title = "补的零"; }
        else cc.title = "X[" + (i - r.P) + ", " + (jj - r.P) + "]";
        if (!r.covered[i][jj]) cc.classList.add("cx-unused");
      });
    var ker = matrix((r.mode === "conv" ? "翻转 180° 后的核" : "核 W") + "（" + r.K + "×" + r.K + "）",
      r.K, r.K, function (i, jj) { return r.used[i][jj]; },
      function (cc) { cc.classList.add("cx-kernel"); });
    var out = matrix("输出（" + r.Ho + "×" + r.Wo + "）", r.Ho, r.Wo,
      function (i, jj) { return r.output[i][jj]; },
      function (cc, i, jj) { cc.classList.add("cx-outcell"); cc.title = "Y[" + i + ", " + jj + "]"; });
    var row = el("div", { class: "cx-mats" }, [inp.fig, ker.fig, out.fig]);
    stage.appendChild(row);
    this.cells = inp.cells;
    out.cells.forEach(function (rw) { rw.forEach(function (cc) { self.outCells.push(cc); }); });
  };

  Explorer.prototype.go = function (step) {
    var r = this.r;
    if (!r || !r.ok || this.total === 0) return;
    step = Math.max(1, Math.min(this.total, step));
    this.step = step;
    var idx = step - 1;
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
        var c = this.cells[top + u][left + v];
        c.classList.add("cx-win");
        if (r.dim === 2) c.setAttribute("data-w", "×" + fmt(r.used[u][v]));
        this.active.push(c);
        terms.push(fmt(r.padded[top + u][left + v]) + "×" + fmt(r.used[u][v]));
      }
    }
    if (r.dim === 1) {
      this.kernelCells.forEach(function (kc, k) { kc.style.gridColumnStart = String(left + k + 2); });
    }
    this.outCells.forEach(function (c, i) {
      c.classList.toggle("cx-done", i < idx);
      c.classList.toggle("cx-now", i === idx);
      if (i > idx) c.setAttribute("aria-hidden", "true"); // 还没算到：画面上是空格，读屏也先不读
      else c.removeAttribute("aria-hidden");
    });
    var name = r.dim === 1 ? "y[" + ox + "]" : "Y[" + oy + ", " + ox + "]";
    this.status.textContent = name + " = " + terms.join(" + ") + " = " + fmt(r.output[oy][ox]);
    this.counter.textContent = "第 " + step + " / " + this.total + " 步";
    this.prevBtn.disabled = step <= 1;
    this.nextBtn.disabled = step >= this.total;
    this.root.setAttribute("data-step", String(step));
    // 让当前窗口出现在可见范围内（只滚动自己的框，不滚动页面）
    var first = this.active[0];
    if (first && this.stage.scrollWidth > this.stage.clientWidth) {
      var want = first.offsetLeft - this.stage.clientWidth / 3;
      this.stage.scrollLeft = Math.max(0, want);
    }
  };

  Explorer.prototype.toggle = function () {
    if (this.timer) this.pause(); else this.play();
  };

  Explorer.prototype.play = function () {
    var self = this;
    if (!this.r || !this.r.ok) return;
    if (this.step >= this.total) this.go(1);
    this.timer = window.setInterval(function () {
      if (!self.root.isConnected) { self.pause(); return; } // 已经换页：停下
      if (self.step >= self.total) self.pause();
      else self.go(self.step + 1);
    }, TICK_MS);
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
    version: 1,
    limits: Object.freeze(LIMITS),
    compute: compute,
    preset1d: function (name, K) { return preset1d(name, { K: K }); },
    pattern: pattern,
    mountAll: mountAll
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mountAll); // Material 的 instant 导航：每次换页都挂载新页面上的部件
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
