/*
 * 坪山托管政策助手 — the web chat page.
 *
 * Plain script, no build step, no other host: it talks only to /chat/api/ on its own server.
 * Every text from the user or the bot is put on the page with textContent, never as HTML.
 * The session id and the conversation live in localStorage, so a reload shows the same chat.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "tuoguan.webchat.v1";
  var API_MESSAGE = "/chat/api/message";
  var API_ARTICLE = "/chat/api/articles/";
  var MAX_HISTORY = 200;
  var DIGITS = "零一二三四五六七八九";
  var VERDICT_CLASS = {
    "符合": "positive",
    "未触发退出情形": "positive",
    "已计算": "positive",
    "不符合": "negative",
    "触发退出情形": "negative",
    "不再作为托管服务对象": "negative",
    "不再给予服务补贴": "negative",
    "尚需确认": "pending"
  };

  var log = document.getElementById("log");
  var historyBox = document.getElementById("history");
  var typing = document.getElementById("typing");
  var form = document.getElementById("composer");
  var input = document.getElementById("input");
  var sendButton = document.getElementById("send");
  var resetButton = document.getElementById("reset");
  var welcome = document.getElementById("welcome");

  var articleCache = {};
  var busy = false;
  var state = loadState();

  // --- state --------------------------------------------------------------------------------

  function newSender() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    var hex = "";
    for (var i = 0; i < bytes.length; i++) {
      hex += ("0" + bytes[i].toString(16)).slice(-2);
    }
    return "web-" + hex;
  }

  function loadState() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
      if (saved && typeof saved.sender === "string" && Array.isArray(saved.history)) {
        return saved;
      }
    } catch (e) {
      /* unreadable storage: start a new conversation */
    }
    return { sender: newSender(), history: [] };
  }

  function saveState() {
    state.history = state.history.slice(-MAX_HISTORY);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (e) {
      /* storage full or disabled: the chat still works, it just will not survive a reload */
    }
  }

  // --- small helpers ------------------------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** 第九条 → 9, 第二十七条 → 27, 第19条 → 19; null for anything else. */
  function articleNumber(label) {
    var m = /^第([零一二三四五六七八九十\d]+)条$/.exec(label);
    if (!m) return null;
    var core = m[1];
    if (/^\d+$/.test(core)) return parseInt(core, 10);
    var tenAt = core.indexOf("十");
    if (tenAt < 0) return core.length === 1 ? DIGITS.indexOf(core) : null;
    var tens = tenAt === 0 ? 1 : DIGITS.indexOf(core.charAt(0));
    var ones = core.length > tenAt + 1 ? DIGITS.indexOf(core.charAt(tenAt + 1)) : 0;
    return tens * 10 + ones;
  }

  /** Show the newest message; ``instant`` skips the smooth scrolling (used after a reload). */
  function scrollToEnd(instant) {
    if (instant) log.style.scrollBehavior = "auto";
    log.scrollTop = log.scrollHeight;
    if (instant) log.style.scrollBehavior = "";
  }

  // --- rendering ----------------------------------------------------------------------------

  function renderUser(entry) {
    var row = el("div", "row user");
    row.appendChild(el("div", "bubble", entry.text));
    historyBox.appendChild(row);
  }

  function citationChip(label, number, bubble) {
    var chip = el("button", "cite", label);
    chip.type = "button";
    chip.setAttribute("aria-expanded", "false");
    chip.title = "展开《管理办法》" + label + "原文";
    chip.addEventListener("click", function () {
      toggleArticle(chip, number, bubble);
    });
    return chip;
  }

  /** The 依据 line with every article label turned into a chip that expands the article. */
  function basisLine(text, citations, bubble) {
    var line = el("div", "line basis");
    var pattern = /第[零一二三四五六七八九十\d]+条/g;
    var last = 0;
    var match;
    var chips = 0;
    while ((match = pattern.exec(text)) !== null) {
      var number = articleNumber(match[0]);
      if (number === null) continue;
      if (match.index > last) line.appendChild(document.createTextNode(text.slice(last, match.index)));
      line.appendChild(citationChip(match[0], number, bubble));
      chips++;
      last = match.index + match[0].length;
    }
    if (last < text.length) line.appendChild(document.createTextNode(text.slice(last)));
    // A citation in the payload but not written in the text still gets its chip.
    (citations || []).forEach(function (c) {
      if (c && c.article && text.indexOf(c.label) < 0) {
        line.appendChild(document.createTextNode(chips ? "、" : ""));
        line.appendChild(citationChip(c.label, c.article, bubble));
        chips++;
      }
    });
    return line;
  }

  function conclusionLine(text, verdict) {
    var line = el("div", "line conclusion " + (VERDICT_CLASS[verdict] || "neutral"));
    line.appendChild(el("span", "tag", "【结论】"));
    line.appendChild(el("strong", null, text.slice("【结论】".length)));
    return line;
  }

  function renderBot(entry, active) {
    var row = el("div", "row bot");
    var bubble = el("div", "bubble");
    var text = typeof entry.text === "string" ? entry.text : "";
    var hasBasis = false;
    text.split("\n").forEach(function (raw) {
      if (raw.indexOf("【结论】") === 0) {
        bubble.appendChild(conclusionLine(raw, entry.verdict));
        bubble.classList.add("answer");
      } else if (raw.indexOf("依据：") === 0) {
        bubble.appendChild(basisLine(raw, entry.citations, bubble));
        hasBasis = true;
      } else if (raw.trim() !== "") {
        bubble.appendChild(el("p", "line", raw));
      }
    });
    var cited = (entry.citations || []).filter(function (c) { return c && c.article; });
    if (!hasBasis && cited.length) {
      bubble.appendChild(basisLine("依据：", cited, bubble));
    }
    if (Array.isArray(entry.buttons) && entry.buttons.length) {
      var replies = el("div", "quick-replies");
      entry.buttons.forEach(function (b) {
        var button = el("button", "quick", b.title);
        button.type = "button";
        button.disabled = !active;
        button.addEventListener("click", function () {
          send(b.payload, b.title);
        });
        replies.appendChild(button);
      });
      bubble.appendChild(replies);
    }
    row.appendChild(bubble);
    historyBox.appendChild(row);
  }

  function renderNotice(text) {
    var row = el("div", "row bot notice");
    row.appendChild(el("div", "bubble", text));
    historyBox.appendChild(row);
    scrollToEnd();
  }

  /** Only the bot's latest replies keep clickable buttons. */
  function renderHistory() {
    historyBox.textContent = "";
    var lastUser = -1;
    state.history.forEach(function (entry, i) {
      if (entry.role === "user") lastUser = i;
    });
    state.history.forEach(function (entry, i) {
      if (entry.role === "user") renderUser(entry);
      else if (entry.role === "bot") renderBot(entry, i > lastUser);
    });
    scrollToEnd(true);
  }

  function disableOldReplies() {
    var buttons = historyBox.querySelectorAll(".quick");
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
  }

  // --- citations ----------------------------------------------------------------------------

  function articlePanel(article) {
    var panel = el("div", "article");
    var heading = article.label + "（" + article.title + "）";
    var full = String(article.full_text || "");
    var body = full.indexOf(heading) === 0 ? full.slice(heading.length) : full;
    panel.appendChild(el("div", "article-title", "《管理办法》" + heading));
    panel.appendChild(el("div", "article-text", body));
    return panel;
  }

  function fetchArticle(number) {
    if (!articleCache[number]) {
      articleCache[number] = fetch(API_ARTICLE + encodeURIComponent(number), {
        headers: { Accept: "application/json" }
      }).then(function (res) {
        return res.json().then(function (data) {
          if (!res.ok) throw new Error(data && data.error ? data.error : "条文加载失败");
          return data;
        });
      });
      articleCache[number].catch(function () {
        delete articleCache[number];
      });
    }
    return articleCache[number];
  }

  function toggleArticle(chip, number, bubble) {
    var open = bubble.querySelector('.article[data-article="' + number + '"]');
    var chips = bubble.querySelectorAll(".cite");
    if (open) {
      open.remove();
      for (var i = 0; i < chips.length; i++) {
        if (chips[i].textContent === chip.textContent) chips[i].setAttribute("aria-expanded", "false");
      }
      return;
    }
    chip.classList.add("loading");
    fetchArticle(number)
      .then(function (article) {
        var panel = articlePanel(article);
        panel.setAttribute("data-article", String(number));
        var replies = bubble.querySelector(".quick-replies");
        bubble.insertBefore(panel, replies);
        chip.setAttribute("aria-expanded", "true");
      })
      .catch(function (err) {
        var panel = el("div", "article error", err.message || "条文加载失败，请稍后再试。");
        panel.setAttribute("data-article", String(number));
        bubble.insertBefore(panel, bubble.querySelector(".quick-replies"));
      })
      .then(function () {
        chip.classList.remove("loading");
      });
  }

  // --- sending ------------------------------------------------------------------------------

  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    typing.hidden = !value;
    scrollToEnd();
  }

  function send(message, shown) {
    var text = String(message || "").trim();
    if (!text || busy) return;
    var entry = { role: "user", text: shown || text };
    state.history.push(entry);
    saveState();
    disableOldReplies();
    renderUser(entry);
    setBusy(true);
    fetch(API_MESSAGE, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ sender: state.sender, message: text })
    })
      .then(function (res) {
        return res.json().then(function (data) {
          if (!res.ok) throw new Error(data && data.error ? data.error : "服务暂时不可用");
          return data;
        });
      })
      .then(function (data) {
        var replies = (data.messages || []).map(function (m) {
          return {
            role: "bot",
            text: m.text || "",
            buttons: m.buttons || [],
            citations: m.citations || [],
            verdict: m.verdict || null
          };
        });
        if (!replies.length) {
          replies.push({ role: "bot", text: "抱歉，我暂时无法回答这个问题。", buttons: [], citations: [] });
        }
        setBusy(false);
        replies.forEach(function (reply) {
          state.history.push(reply);
          renderBot(reply, true);
        });
        saveState();
        scrollToEnd();
      })
      .catch(function (err) {
        setBusy(false);
        renderNotice("消息未能送达：" + (err && err.message ? err.message : "网络异常") + "。请稍后重试。");
      })
      .then(function () {
        input.focus();
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy || !input.value.trim()) return;
    var text = input.value;
    input.value = "";
    send(text);
  });

  var topics = welcome.querySelectorAll(".quick");
  for (var i = 0; i < topics.length; i++) {
    (function (button) {
      button.addEventListener("click", function () {
        send(button.getAttribute("data-payload"), button.textContent);
      });
    })(topics[i]);
  }

  resetButton.addEventListener("click", function () {
    if (busy) return;
    state = { sender: newSender(), history: [] };
    saveState();
    renderHistory();
    input.focus();
  });

  renderHistory();
})();
