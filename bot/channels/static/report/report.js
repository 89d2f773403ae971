/* 运营报表: talks only to /assist/api/report* on its own server, with the operator token as a
   Bearer header and the operator's name in X-Operator (for the audit log). No external request:
   charts are SVG drawn by the server, shown as data: images. */
(function () {
  "use strict";

  const TOKEN_KEY = "report-token";
  const NAME_KEY = "report-operator";
  const $ = (id) => document.getElementById(id);
  let choices = []; // what a message can be labelled as

  class Unauthorized extends Error {}

  function token() {
    return sessionStorage.getItem(TOKEN_KEY) || "";
  }

  function headers(extra) {
    const h = Object.assign({ Authorization: "Bearer " + token() }, extra || {});
    const name = sessionStorage.getItem(NAME_KEY);
    if (name) h["X-Operator"] = encodeURIComponent(name);
    return h;
  }

  async function call(path, options) {
    const opts = options || {};
    const init = { method: opts.method || "GET", headers: headers(opts.headers) };
    if (opts.body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(opts.body);
    }
    const response = await fetch("/assist/api/report" + path, init);
    if (response.status === 401 || response.status === 403) {
      let data = null;
      try { data = await response.json(); } catch (e) { data = null; }
      throw new Unauthorized((data && data.error) || "未授权");
    }
    if (!response.ok) {
      let data = null;
      try { data = await response.json(); } catch (e) { data = null; }
      throw new Error((data && data.error) || "请求失败（" + response.status + "）");
    }
    return response;
  }

  const json = async (path, options) => (await call(path, options)).json();

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
    node.textContent = message || "";
    node.hidden = !message;
  }

  function localTime(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    const pad = (n) => String(n).padStart(2, "0");
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " +
      pad(d.getHours()) + ":" + pad(d.getMinutes());
  }

  function pct(share) {
    return share === null || share === undefined ? "—" : Math.round(share * 1000) / 10 + "%";
  }

  function range() {
    return "?from=" + encodeURIComponent($("from").value) + "&to=" + encodeURIComponent($("to").value);
  }

  /* --- login ------------------------------------------------------------------------------- */

  function showLogin(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    $("report").hidden = true;
    $("logout").hidden = true;
    $("who").hidden = true;
    $("login").hidden = false;
    showError($("login-error"), message);
    $("operator").value = sessionStorage.getItem(NAME_KEY) || "";
    $("token").focus();
  }

  async function login(event) {
    event.preventDefault();
    const name = $("operator").value.trim();
    const candidate = $("token").value.trim();
    if (!candidate || !name) return;
    sessionStorage.setItem(TOKEN_KEY, candidate);
    sessionStorage.setItem(NAME_KEY, name);
    try {
      await start();
      $("token").value = "";
    } catch (error) {
      sessionStorage.removeItem(TOKEN_KEY);
      showError($("login-error"), error.message);
    }
  }

  async function start() {
    const session = await json("/session");
    choices = (await json("/intents")).intents;
    $("login").hidden = true;
    $("report").hidden = false;
    $("logout").hidden = false;
    $("who").textContent = "运营人员：" + session.operator;
    $("who").hidden = false;
    if (!$("to").value) {
      const data = await json("");
      $("from").value = data.from;
      $("to").value = data.to;
      render(data);
    } else {
      await load();
    }
  }

  /* --- the report -------------------------------------------------------------------------- */

  async function load(event) {
    if (event) event.preventDefault();
    showError($("report-error"), "");
    try {
      render(await json(range()));
    } catch (error) {
      if (error instanceof Unauthorized) showLogin(error.message);
      else showError($("report-error"), error.message);
    }
  }

  function table(node, header, rows, numeric) {
    clear(node);
    const head = el("tr");
    header.forEach((h, i) => head.appendChild(el("th", numeric && numeric[i] ? "num" : "", h)));
    node.appendChild(head);
    if (!rows.length) {
      const tr = el("tr");
      const td = el("td", "muted", "（该时段没有数据）");
      td.colSpan = header.length;
      tr.appendChild(td);
      node.appendChild(tr);
      return;
    }
    rows.forEach((row) => {
      const tr = el("tr");
      row.forEach((cell, i) => {
        const td = el("td", numeric && numeric[i] ? "num" : "");
        if (cell instanceof Node) td.appendChild(cell);
        else td.textContent = cell === null || cell === undefined ? "" : String(cell);
        tr.appendChild(td);
      });
      node.appendChild(tr);
    });
  }

  function tile(value, label) {
    const box = el("div", "tile");
    box.appendChild(el("div", "value", value));
    box.appendChild(el("div", "label", label));
    return box;
  }

  async function chart(name, img) {
    try {
      const svg = await (await call("/chart/" + name + ".svg" + range())).text();
      img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
    } catch (error) {
      img.alt = "图表加载失败：" + error.message;
    }
  }

  function conversationButton(sender) {
    const button = el("button", "secondary", "查看对话");
    button.type = "button";
    button.addEventListener("click", () => showTranscript(sender));
    return button;
  }

  function labeller(message) {
    const box = el("span", "labeller");
    const select = el("select");
    select.setAttribute("aria-label", "应为意图");
    select.appendChild(el("option", "", "— 应为哪个意图 —"));
    choices.forEach((c) => {
      const option = el("option", "", c.title + "（" + c.intent + "）");
      option.value = c.intent;
      select.appendChild(option);
    });
    const save = el("button", "", "保存标注");
    save.type = "button";
    const status = el("span", "saved");
    save.addEventListener("click", async () => {
      if (!select.value || select.selectedIndex === 0) {
        status.textContent = "请先选择意图";
        return;
      }
      try {
        await json("/labels", {
          method: "POST",
          body: {
            sender_id: message.sender_id,
            message_id: message.message_id || null,
            text: message.text,
            intent: select.value,
          },
        });
        status.textContent = "已标注";
        await load();
      } catch (error) {
        status.textContent = error.message;
      }
    });
    box.appendChild(select);
    box.appendChild(save);
    box.appendChild(status);
    return box;
  }

  function example(message, metaText) {
    const item = el("div", "example");
    item.appendChild(el("div", "text", message.text));
    item.appendChild(el("div", "meta", metaText));
    const actions = el("div", "actions");
    actions.appendChild(conversationButton(message.sender_id));
    actions.appendChild(labeller(message));
    item.appendChild(actions);
    return item;
  }

  function render(data) {
    const usage = data.usage.totals;
    const fb = data.feedback;
    const tiles = $("tiles");
    clear(tiles);
    tiles.appendChild(tile(usage.conversations, "会话"));
    tiles.appendChild(tile(usage.messages, "消息"));
    tiles.appendChild(tile(usage.users, "用户"));
    tiles.appendChild(tile(data.unanswered.messages, "未能解答的消息"));
    tiles.appendChild(tile(pct(fb.helpful_rate), "反馈「已解决」比例（" + fb.total + " 条）"));
    tiles.appendChild(tile(data.handoffs.open + " / " + data.handoffs.count, "未处理 / 转人工"));

    chart("usage", $("chart-usage"));
    chart("outcomes", $("chart-outcomes"));
    chart("feedback", $("chart-feedback"));

    table($("channels"), ["渠道", "会话", "消息", "用户"],
      data.usage.channels.map((c) => [c.channel_name, c.conversations, c.messages, c.users]),
      [false, true, true, true]);
    table($("daily"), ["日期", "渠道", "会话", "消息", "用户"],
      data.usage.daily.map((d) => [d.day, d.channel_name, d.conversations, d.messages, d.users]),
      [false, false, true, true, true]);
    table($("topics"), ["话题", "问题数", "核对结论", "政策答复", "检索兜底", "请选话题", "转人工", "超出范围"],
      data.topics.map((t) => [t.title, t.questions, pct(t.shares.check), pct(t.shares.curated),
        pct(t.shares.search), pct(t.shares.clarification), pct(t.shares.handoff), pct(t.shares.out_of_scope)]),
      [false, true, true, true, true, true, true, true]);

    $("unanswered-summary").textContent = "共 " + data.unanswered.messages + " 条，" +
      data.unanswered.group_count + " 组。";
    const groups = $("unanswered");
    clear(groups);
    data.unanswered.groups.forEach((g) => {
      const li = el("li");
      const title = el("div", "group-title", g.text);
      title.appendChild(el("span", "count", "× " + g.count));
      li.appendChild(title);
      g.latest.forEach((m) => li.appendChild(example(m,
        localTime(m.at) + " · " + m.channel + " · " + (data.outcome_names[m.outcome] || m.outcome))));
      groups.appendChild(li);
    });

    table($("feedback-topics"), ["话题", "已解决", "未解决", "已解决比例"],
      fb.by_topic.map((f) => [f.title, f.helpful, f.unhelpful, pct(f.helpful_rate)]),
      [false, true, true, true]);
    table($("feedback-articles"), ["引用条文", "已解决", "未解决", "已解决比例"],
      fb.by_article.map((f) => [f.article, f.helpful, f.unhelpful, pct(f.helpful_rate)]),
      [false, true, true, true]);
    const unhelpful = $("unhelpful");
    clear(unhelpful);
    fb.unhelpful_conversations.forEach((u) => {
      const li = el("li");
      li.appendChild(example({ sender_id: u.sender_id, text: u.question, message_id: null },
        localTime(u.at) + " · " + u.title + " · 引用：" + (u.citations.join("、") || "无")));
      unhelpful.appendChild(li);
    });
    if (!fb.unhelpful_conversations.length) unhelpful.appendChild(el("li", "muted", "（该时段没有「未解决」的反馈）"));

    const h = data.handoffs;
    const wait = h.minutes_to_handled.median === null ? "—" : h.minutes_to_handled.median + " 分钟";
    $("handoff-summary").textContent = "共 " + h.count + " 次，已处理 " + h.handled + " 次，未处理 " +
      h.open + " 次；从转人工到标记已处理，中位数 " + wait + "。";
    table($("handoffs"), ["时间", "原因", "状态", "处理人", "等待（分钟）", ""],
      h.items.map((x) => [localTime(x.created_at), x.reason === "requested" ? "用户要求" : "连续两次未理解",
        x.handled ? "已处理 " + localTime(x.handled_at) : "未处理", x.handled_by || "",
        x.minutes_to_handled === null ? "" : x.minutes_to_handled, conversationButton(x.sender_id)]),
      [false, false, false, false, true, false]);
    table($("labels"), ["时间", "标注人", "原话", "应为意图"],
      data.labels.map((l) => [localTime(l.labelled_at), l.labelled_by, l.text, l.title + "（" + l.intent + "）"]));
    table($("audit"), ["时间", "操作人", "角色", "操作", "对象", "内容"],
      data.audit.map((a) => [localTime(a.at), a.actor, a.role === "operator" ? "运营" : "坐席",
        a.action === "label" ? "标注" : "标记转人工已处理", a.target, a.detail || ""]));
  }

  /* --- transcript, downloads --------------------------------------------------------------- */

  async function showTranscript(sender) {
    const list = $("transcript");
    clear(list);
    $("transcript-panel").hidden = false;
    $("transcript-title").textContent = "对话记录：" + sender;
    try {
      const data = await json("/transcript?sender=" + encodeURIComponent(sender));
      data.transcript.forEach((line) => {
        list.appendChild(el("li", line.speaker === "user" ? "user" : "bot",
          (line.speaker === "user" ? "用户：" : "助手：") + line.text));
      });
      if (!data.transcript.length) list.appendChild(el("li", "muted", "（对话记录已不在存储中）"));
    } catch (error) {
      list.appendChild(el("li", "error", error.message));
    }
  }

  async function download(path, fallbackName) {
    try {
      const response = await call(path);
      const blob = await response.blob();
      const disposition = response.headers.get("Content-Disposition") || "";
      const match = /filename="([^"]+)"/.exec(disposition);
      const link = el("a");
      link.href = URL.createObjectURL(blob);
      link.download = match ? match[1] : fallbackName;
      document.body.appendChild(link);
      link.click();
      setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    } catch (error) {
      if (error instanceof Unauthorized) showLogin(error.message);
      else showError($("report-error"), error.message);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("login-form").addEventListener("submit", login);
    $("range-form").addEventListener("submit", load);
    $("logout").addEventListener("click", () => showLogin(""));
    $("transcript-close").addEventListener("click", () => { $("transcript-panel").hidden = true; });
    $("review-export").addEventListener("click", () => download("/review-export", "labelled_nlu.yml"));
    document.querySelectorAll("button.csv").forEach((button) => {
      button.addEventListener("click", () =>
        download("/csv/" + button.dataset.table + range(), button.dataset.table + ".csv"));
    });
    if (token()) {
      start().catch((error) => showLogin(error instanceof Unauthorized ? error.message : error.message));
    } else {
      showLogin("");
    }
  });
})();
