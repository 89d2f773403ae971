/* 热线坐席台: talks only to /assist/api/* on its own server, with the staff token as a Bearer
 * header. Every text from the server or the caller is put into the page with textContent. */
"use strict";

(function () {
  const TOKEN_KEY = "assist-token";
  const NAME_KEY = "assist-operator";
  const QUEUE_REFRESH_MS = 30000;
  const SPEAKERS = { user: "用户", bot: "助手" };
  // Facts the forms do not show, in words staff understand.
  const EXTRA_FACTS = {
    years_served: "已接受服务年数",
    signed_on: "服务协议签订日期",
    own_case_rate: "机构自身案件发生率（%）",
    client_case_percent: "有案件企业占比（%）",
    change_percent: "要求更换企业占比（%）",
    organisation_type: "机构组织类型",
    certified_staff: "持证专职人员数",
    test_scores: "能力测试成绩",
    business_scope: "业务范围是否相关",
    premises_and_staff: "是否有服务场所和人员",
  };

  const $ = (id) => document.getElementById(id);
  let queueTimer = null;

  class Unauthorized extends Error {}

  function token() {
    return sessionStorage.getItem(TOKEN_KEY) || "";
  }

  async function api(path, options) {
    const opts = options || {};
    const headers = { Authorization: "Bearer " + (opts.token || token()) };
    const name = sessionStorage.getItem(NAME_KEY);
    if (name) headers["X-Operator"] = encodeURIComponent(name);
    const init = { method: opts.method || "GET", headers: headers };
    if (opts.body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(opts.body);
    }
    const response = await fetch("/assist/api/" + path, init);
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    if (response.status === 401) {
      throw new Unauthorized((data && data.error) || "未授权");
    }
    if (!response.ok) {
      throw new Error((data && data.error) || "请求失败（" + response.status + "）");
    }
    return data;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function showError(node, message) {
    node.textContent = message;
    node.hidden = !message;
  }

  /* --- login ------------------------------------------------------------------------------- */

  function showLogin(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    if (queueTimer) clearInterval(queueTimer);
    queueTimer = null;
    $("console").hidden = true;
    $("logout").hidden = true;
    $("as-of").hidden = true;
    $("login").hidden = false;
    showError($("login-error"), message || "");
    $("token").focus();
  }

  function showConsole(session) {
    $("login").hidden = true;
    $("console").hidden = false;
    $("logout").hidden = false;
    $("as-of").textContent = "查询日期：" + session.as_of;
    $("as-of").hidden = false;
    loadQueue();
    if (!queueTimer) queueTimer = setInterval(loadQueue, QUEUE_REFRESH_MS);
    $("question").focus();
  }

  function handleFailure(error, errorNode) {
    if (error instanceof Unauthorized) {
      showLogin("登录已失效或令牌不正确，请重新登录。");
    } else {
      showError(errorNode, error.message || "网络错误，请稍后重试。");
    }
  }

  async function login(event) {
    event.preventDefault();
    const candidate = $("token").value.trim();
    if (!candidate) return;
    sessionStorage.setItem(NAME_KEY, $("operator").value.trim());
    try {
      const session = await api("session", { token: candidate });
      sessionStorage.setItem(TOKEN_KEY, candidate);
      $("token").value = "";
      showConsole(session);
    } catch (error) {
      showError(
        $("login-error"),
        error instanceof Unauthorized ? "令牌不正确，请核对后重试。" : error.message
      );
    }
  }

  /* --- suggestion -------------------------------------------------------------------------- */

  function percent(confidence) {
    return Math.round(Number(confidence) * 1000) / 10 + "%";
  }

  function renderInterpretations(items) {
    const list = $("interpretations");
    clear(list);
    items.forEach((item, index) => {
      const li = el("li", index === 0 ? "interpretation top" : "interpretation");
      const head = el("div", "interpretation-head");
      head.appendChild(el("span", "interpretation-title", item.title));
      head.appendChild(el("span", "confidence", percent(item.confidence)));
      li.appendChild(head);
      const bar = el("div", "bar");
      const fill = el("div", "bar-fill");
      fill.style.width = Math.max(0, Math.min(100, Number(item.confidence) * 100)) + "%";
      bar.appendChild(fill);
      li.appendChild(bar);
      li.appendChild(el("code", "intent-name", item.intent));
      list.appendChild(li);
    });
  }

  function verdictClass(verdict) {
    if (verdict === "符合" || verdict === "未触发退出情形" || verdict === "已计算") return "good";
    if (verdict === "尚需确认") return "unsure";
    return "bad";
  }

  function renderAnswerInto(target, answer) {
    target.verdict.hidden = !answer.verdict;
    target.verdict.textContent = answer.verdict ? "结论：" + answer.verdict : "";
    target.verdict.className = "verdict " + (answer.verdict ? verdictClass(answer.verdict) : "");
    target.text.textContent = answer.text;
    clear(target.citations);
    (answer.citations || []).forEach((label) => {
      target.citations.appendChild(el("span", "chip", label));
    });
  }

  function renderArticles(container, articles) {
    clear(container);
    if (!articles.length) {
      container.appendChild(el("p", "muted", "本答复未引用具体条文。"));
      return;
    }
    articles.forEach((article) => {
      const block = el("article", "article");
      block.id = "article-" + article.number;
      const heading = article.label + "（" + article.title + "）";
      const text = article.full_text.startsWith(heading)
        ? article.full_text.slice(heading.length)
        : article.full_text;
      block.appendChild(el("h3", null, "《管理办法》" + heading));
      block.appendChild(el("p", "article-text", text));
      container.appendChild(block);
    });
  }

  function fieldFor(name) {
    return document.querySelector('form.calculator [name="' + CSS.escape(name) + '"]');
  }

  function fieldLabel(field) {
    const label = field.closest("label");
    return label ? label.firstChild.textContent.trim() : field.name;
  }

  function shownValue(field, value) {
    if (field.tagName === "SELECT") {
      const option = Array.from(field.options).find((o) => o.value === value);
      return option ? option.textContent : value;
    }
    return value;
  }

  function applyFacts(facts) {
    document.querySelectorAll("form.calculator .prefilled").forEach((node) => {
      node.classList.remove("prefilled");
    });
    const list = $("facts");
    clear(list);
    const names = Object.keys(facts || {});
    if (!names.length) {
      list.appendChild(el("li", "muted", "未识别到人数、地点、日期等具体情况。"));
      return;
    }
    names.forEach((name) => {
      const value = String(facts[name]);
      const field = fieldFor(name);
      let label = EXTRA_FACTS[name] || name;
      let shown = value;
      if (field) {
        const fits =
          field.tagName !== "SELECT" || Array.from(field.options).some((o) => o.value === value);
        if (fits) {
          field.value = value;
          field.classList.add("prefilled");
        }
        label = fieldLabel(field);
        shown = shownValue(field, value);
      }
      const li = el("li");
      li.appendChild(el("span", "fact-label", label + "："));
      li.appendChild(el("span", "fact-value", shown));
      list.appendChild(li);
    });
  }

  async function analyse(event) {
    if (event) event.preventDefault();
    const question = $("question").value.trim();
    showError($("ask-error"), "");
    if (!question) {
      showError($("ask-error"), "请输入或粘贴来电人的原话。");
      return;
    }
    $("analyse").disabled = true;
    try {
      const data = await api("suggest?q=" + encodeURIComponent(question));
      renderInterpretations(data.interpretations || []);
      const answerTarget = {
        verdict: $("answer-verdict"),
        text: $("answer-text"),
        citations: $("answer-citations"),
      };
      if (data.answer) {
        const top = (data.interpretations || []).find((i) => i.intent === data.answer.intent);
        $("answer-for").textContent = "按“" + (top ? top.title : data.answer.intent) + "”答复：";
        renderAnswerInto(answerTarget, data.answer);
        $("copy-answer").hidden = false;
      } else {
        $("answer-for").textContent = "";
        renderAnswerInto(answerTarget, {
          text: "未识别为本政策的问题。请换一种说法，或使用下方计算器。",
          verdict: null,
          citations: [],
        });
        $("copy-answer").hidden = true;
      }
      renderArticles($("articles"), data.articles || []);
      applyFacts(data.facts || {});
      $("suggestion").hidden = false;
    } catch (error) {
      handleFailure(error, $("ask-error"));
    } finally {
      $("analyse").disabled = false;
    }
  }

  async function copyAnswer() {
    const text = $("answer-text").textContent;
    try {
      await navigator.clipboard.writeText(text);
      $("copy-answer").textContent = "已复制";
    } catch (e) {
      $("copy-answer").textContent = "复制失败，请手动选择";
    }
    setTimeout(() => {
      $("copy-answer").textContent = "复制答复";
    }, 2000);
  }

  /* --- calculators ------------------------------------------------------------------------- */

  function resultArea(form) {
    const area = form.querySelector(".calc-result");
    if (!area.firstChild) {
      area.appendChild(el("p", "verdict"));
      area.appendChild(el("pre", "answer-text"));
      const line = el("p", "citations-line");
      line.appendChild(el("span", "muted", "引用："));
      line.appendChild(el("span", "citations"));
      area.appendChild(line);
      area.appendChild(el("p", "error"));
      const details = el("details", "calc-articles");
      details.appendChild(el("summary", null, "条文原文"));
      details.appendChild(el("div", "articles"));
      area.appendChild(details);
    }
    return area;
  }

  async function calculate(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = {};
    form.querySelectorAll("[name]").forEach((field) => {
      body[field.name] = field.value;
    });
    const area = resultArea(form);
    const errorNode = area.querySelector(".error");
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const data = await api("calculate/" + form.dataset.calculator, {
        method: "POST",
        body: body,
      });
      showError(errorNode, "");
      renderAnswerInto(
        {
          verdict: area.querySelector(".verdict"),
          text: area.querySelector(".answer-text"),
          citations: area.querySelector(".citations"),
        },
        data.answer
      );
      area.querySelector(".answer-text").hidden = false;
      area.querySelector(".citations-line").hidden = false;
      area.querySelector(".calc-articles").hidden = false;
      renderArticles(area.querySelector(".articles"), data.articles || []);
      area.hidden = false;
    } catch (error) {
      area.hidden = false;
      area.querySelector(".verdict").hidden = true;
      area.querySelector(".answer-text").hidden = true;
      area.querySelector(".citations-line").hidden = true;
      area.querySelector(".calc-articles").hidden = true;
      handleFailure(error, errorNode);
    } finally {
      button.disabled = false;
    }
  }

  /* --- handoff queue ----------------------------------------------------------------------- */

  function when(iso) {
    const date = new Date(iso);
    if (isNaN(date.getTime())) return iso;
    return date.toLocaleString("zh-CN", { hour12: false });
  }

  function renderQueue(items) {
    const list = $("queue");
    clear(list);
    $("queue-count").textContent = items.length ? "（" + items.length + "）" : "";
    $("queue-empty").hidden = items.length > 0;
    items.forEach((item) => {
      const li = el("li", "handoff");
      li.dataset.id = String(item.id);
      const head = el("div", "handoff-head");
      head.appendChild(el("span", "handoff-reason", item.reason_title));
      head.appendChild(el("time", "muted", when(item.created_at)));
      li.appendChild(head);
      li.appendChild(el("p", "muted handoff-sender", "会话：" + item.sender_id));
      const transcript = el("ol", "transcript");
      (item.transcript || []).forEach((line) => {
        const row = el("li", "line " + (line.speaker === "user" ? "user" : "bot"));
        row.appendChild(el("span", "speaker", (SPEAKERS[line.speaker] || line.speaker) + "："));
        row.appendChild(el("span", "said", line.text));
        transcript.appendChild(row);
      });
      li.appendChild(transcript);
      const button = el("button", "secondary", "标记已处理");
      button.type = "button";
      button.addEventListener("click", () => markHandled(item.id, button));
      li.appendChild(button);
      list.appendChild(li);
    });
  }

  async function loadQueue() {
    try {
      const data = await api("handoffs");
      showError($("queue-error"), "");
      renderQueue(data.handoffs || []);
    } catch (error) {
      handleFailure(error, $("queue-error"));
    }
  }

  async function markHandled(id, button) {
    button.disabled = true;
    try {
      await api("handoffs/" + encodeURIComponent(id) + "/handled", { method: "POST" });
      await loadQueue();
    } catch (error) {
      button.disabled = false;
      handleFailure(error, $("queue-error"));
    }
  }

  /* --- start ------------------------------------------------------------------------------- */

  async function start() {
    $("login-form").addEventListener("submit", login);
    $("logout").addEventListener("click", () => showLogin(""));
    $("ask-form").addEventListener("submit", analyse);
    $("question").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) analyse(event);
    });
    $("question").addEventListener("paste", () => setTimeout(analyse, 50));
    $("copy-answer").addEventListener("click", copyAnswer);
    $("refresh-queue").addEventListener("click", loadQueue);
    document.querySelectorAll("form.calculator").forEach((form) => {
      form.addEventListener("submit", calculate);
    });
    if (!token()) {
      showLogin("");
      return;
    }
    try {
      showConsole(await api("session"));
    } catch (error) {
      showLogin(error instanceof Unauthorized ? "登录已失效，请重新登录。" : error.message);
    }
  }

  document.addEventListener("DOMContentLoaded", start);
})();
