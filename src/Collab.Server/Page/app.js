// The onboarding page: one session per visitor (kept in localStorage, or ?session=ID), rounds of cards to rate.
"use strict";
const state = { session: null, answers: new Map() };
const $ = (id) => document.getElementById(id);

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new Error((data && (data.detail || data.title)) || `HTTP ${response.status}`);
  return data;
}

async function start() {
  const fromUrl = new URLSearchParams(location.search).get("session");
  const saved = fromUrl || localStorage.getItem("collab-session");
  let session = null;
  if (saved) session = await api("GET", `/api/sessions/${saved}`).catch(() => null);
  if (!session) session = await api("POST", "/api/sessions");
  state.session = session.id;
  localStorage.setItem("collab-session", session.id);
  document.body.dataset.session = session.id;
  showStatus(session);
  if (session.rated > 0) await showRecommendations();
  await showRound();
}

function showStatus(session) {
  $("status").textContent = `${session.rated} rated, ${session.notSeen} not seen, saved on the server.`;
}

async function showRound() {
  const round = await api("GET", `/api/sessions/${state.session}/questions?n=12`);
  state.answers.clear();
  $("round").textContent = round.round;
  const cards = $("cards");
  cards.replaceChildren(...round.questions.map(card));
  if (round.questions.length === 0) cards.textContent = "You have seen every question we have. Enjoy the recommendations!";
  updateButton();
}

function card(item) {
  const element = document.createElement("article");
  element.className = "card";
  element.dataset.item = item.id;
  const title = document.createElement("h3");
  title.textContent = item.title || `Item ${item.id}`;
  const genres = document.createElement("span");
  genres.className = "genres";
  genres.textContent = item.genres.join(" · ");
  const stars = document.createElement("div");
  stars.className = "stars";
  const notSeen = document.createElement("button");
  notSeen.type = "button";
  notSeen.className = "notseen";
  notSeen.textContent = "Not seen";
  for (let value = 1; value <= 5; value++) {
    const star = document.createElement("button");
    star.type = "button";
    star.textContent = "★";
    star.title = `${value} star${value > 1 ? "s" : ""}`;
    star.dataset.value = value;
    star.addEventListener("click", () => answer(element, { item: item.id, rating: value }));
    stars.append(star);
  }
  notSeen.addEventListener("click", () => answer(element, { item: item.id, notSeen: true }));
  element.append(title, genres, stars, notSeen);
  return element;
}

function answer(element, value) {
  state.answers.set(value.item, value);
  element.classList.add("answered");
  element.querySelectorAll(".stars button").forEach((b) => b.classList.toggle("on", value.rating >= Number(b.dataset.value)));
  element.querySelector(".notseen").classList.toggle("on", value.notSeen === true);
  updateButton();
}

function updateButton() {
  $("next").disabled = state.answers.size === 0;
}

async function showRecommendations() {
  const recs = await api("GET", `/api/sessions/${state.session}/recommendations?n=10`);
  $("recs-note").textContent = recs.message;
  $("recs").replaceChildren(...recs.items.map((item) => {
    const li = document.createElement("li");
    const title = document.createElement("span");
    title.className = "title";
    title.textContent = item.title || `Item ${item.id}`;
    const reason = document.createElement("span");
    reason.className = "reason";
    reason.textContent = item.reason;
    li.append(title, reason);
    return li;
  }));
}

$("next").addEventListener("click", async () => {
  $("next").disabled = true;
  try {
    const session = await api("POST", `/api/sessions/${state.session}/answers`, { answers: [...state.answers.values()] });
    showStatus(session);
    await showRecommendations();
    await showRound();
  } catch (error) {
    $("status").textContent = `Could not save: ${error.message}`;
    updateButton();
  }
});

start().catch((error) => { $("status").textContent = `Could not start: ${error.message}`; });
