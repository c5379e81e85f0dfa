/*
 * The site's search worker: Material's own worker, loaded unchanged, with three changes to what it is
 * given. overrides/main.html points Material at this file and names Material's worker after the "#".
 *
 * 1. Chinese queries are split into the words the index holds. The index was split by jieba at build
 *    time (with the glossary as a user dictionary); Material splits a query by a greedy match against
 *    the index that never tries the whole query, so 参数量 became 参数, 早停 became 早 and 梯度消失
 *    became 梯度 + 消. Here each run of Chinese characters is split by forward maximum matching against
 *    the index's own words, and each word is handed to Material in a form its splitter keeps whole (the
 *    word plus a character the index never holds, which that splitter drops). Each word is searched as
 *    a prefix (as Material does) and, ten times heavier, as a whole word, so that 卷积 finds the page
 *    that defines 卷积 before the pages about 卷积神经网络 or 卷积核.
 * 2. Stop-words (的, 了, 和 …, lunr-languages' list) are dropped from the query, so they are neither
 *    searched nor highlighted on the page a result opens (?h=).
 * 3. Glossary names. extensions/glossary.py writes a term's names (term, synonyms, English name) as
 *    ⟦name|name|...⟧ into the text of the section that defines it. They are moved here into a
 *    `glossary` field (boosted in mkdocs.yml), each word marked so that only a whole name or a whole
 *    word of one matches there: 池化 finds the section that defines 汇聚, and 权重 is not taken for
 *    权重衰减. Formulas left in a text (notebook pages) are dropped from it: previews never show TeX.
 *
 * Works as a Web Worker and inside iframe-worker (the file:// offline copy), where importScripts is
 * asynchronous and messages wait for it.
 */
(function () {
  "use strict"

  var SETUP = 0, QUERY = 2, RESULT = 3           /* Material's SearchMessageType */
  var KEEP = "\u3400"                            /* a Han character no index word contains */
  var NAME = "\u9fa5"                            /* marks the words of the glossary field (龥) */
  var EXACT = 10                                 /* boost of a whole-word match over a prefix match */
  var HAN = /\p{sc=Han}+/gu
  var NAMES = /\u27e6([^\u27e7]*)\u27e7/g         /* ⟦...⟧ from extensions/glossary.py */
  var TEX = /\\\((?:[^\\]|\\(?!\)))*\\\)|\\\[(?:[^\\]|\\(?!\]))*\\\]/g

  /* Where Material's worker is: after the "#" of this script's URL */
  var script = typeof document !== "undefined"   /* iframe-worker: this script is a <script src> */
    ? document.querySelector("script[src]").src
    : self.location.href
  var material = new URL(script.split("#")[1].split("?")[0], script).href

  /* Material's message listener is kept here and handed the rewritten messages */
  var listeners = []
  var addEventListener = self.addEventListener
  var postMessage = self.postMessage
  self.addEventListener = function (type, listener, options) {
    if (type === "message")
      listeners.push(listener)
    else
      addEventListener.call(self, type, listener, options)
  }
  self.postMessage = function (message) {
    if (message && message.type === RESULT)
      message.data.items.forEach(function (group) {
        group.forEach(function (item) {
          for (var term in item.terms)          /* a glossary match counts for the word itself */
            if (term.charAt(0) === NAME) {
              if (item.terms[term] && term.slice(1) in item.terms)
                item.terms[term.slice(1)] = true
              delete item.terms[term]               /* no marked words in ?h= or "missing" */
            }
        })
      })
    return postMessage.apply(self, arguments)
  }
  var words = Object.create(null)                /* the index's words, for splitting queries */
  var loaded = Promise.resolve(importScripts(material)).then(function () {
    self.addEventListener = addEventListener
    var build = lunr.Builder.prototype.build
    lunr.Builder.prototype.build = function () {
      var index = build.call(this)
      words = index.invertedIndex
      return index
    }
  })

  addEventListener.call(self, "message", function (ev) {
    var message = ev.data
    loaded.then(function () {
      if (message.type === SETUP)
        message = setup(message)
      else if (message.type === QUERY)
        message = { type: QUERY, data: rewrite(message.data) }
      for (var i = 0; i < listeners.length; i++)
        listeners[i].call(self, { data: message })
    })
  })

  function setup(message) {
    var config = message.data.config, separator = new RegExp(config.separator, "g")
    message.data.docs.forEach(function (doc) {
      var names = []
      doc.text = doc.text
        .replace(NAMES, function (_, inner) {
          names.push.apply(names, inner.replace(/\u200b/g, "").split("|"))
          return ""
        })
        .replace(TEX, "")
      if (!names.length)
        return
      if (!config.fields.glossary) {
        doc.text += " " + names.join(" ")
        return
      }
      doc.glossary = names.map(function (name) {
        return name.toLowerCase().split(separator).filter(Boolean).map(function (word) {
          return NAME + word
        }).join(" ")
      }).join(" ")
    })
    return message
  }

  function rewrite(query) {
    var names = []
    var rewritten = query.replace(HAN, function (run) {
      name(run, KEEP, names)                     /* the whole run is a glossary name */
      return " " + split(run, names).join(" ") + " "
    })
    query.replace(HAN, " ").split(lunr.tokenizer.separator).forEach(function (word) {
      name(word.toLowerCase(), "", names)        /* a Latin word of a glossary name */
    })
    return rewritten + " " + names.filter(function (n, i) { return names.indexOf(n) === i }).join(" ")
  }

  /* An exact clause for the glossary field, if `word` is a (word of a) glossary name. lunr divides a
     field's score by the length of the query vector, which holds every clause: this one weighs as
     much as a word's own clauses, or the heavy whole-word clause would drown it. */
  function name(word, keep, names) {
    if (word && NAME + word in words)
      names.push(NAME + word + keep + "^" + (EXACT + 1))
  }

  /* Forward maximum matching against the index's words and the glossary's names; stop-words dropped.
     A word of the text is searched as a prefix and as a whole word; a name that only the glossary holds
     (早停, 池化) only as a name: Material's splitter would cut it into characters (早 → 越早, 早已…). */
  function split(run, names) {
    var out = []
    for (var i = 0; i < run.length;) {
      var j = run.length
      while (j > i + 1 && !(run.slice(i, j) in words) && !(NAME + run.slice(i, j) in words))
        j--
      var word = run.slice(i, j)
      if (j - i > 1 && word in words)
        out.push(word + KEEP, word + KEEP + "^" + EXACT)
      else if (j - i === 1 && !stopWord(word))
        out.push(word)
      name(word, KEEP, names)
      i = j
    }
    return out
  }

  function stopWord(word) {
    return [lunr.zh, lunr].some(function (lang) {
      return lang && lang.stopWordFilter && lang.stopWordFilter(word) === undefined
    })
  }
})()
