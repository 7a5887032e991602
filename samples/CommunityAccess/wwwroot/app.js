// The resident page of the community gate. Plain JavaScript, no framework.
// Images are decoded here, in a canvas, and only their RGB24 pixels are sent (application/octet-stream,
// ?width=&height=); the server never receives a JPEG or PNG file.
'use strict';

const $ = (id) => document.getElementById(id);
const MAX_SIDE = 1600; // larger photos are scaled down before sending

let noticeVersion = null;

// ---------- API ----------

// Requests go through session.js, which adds the antiforgery token to every state-changing one.
const api = (method, url, body, contentType) => gateSession.request(method, url, body, contentType);

// The signed-in resident acts on their own id: the forms are filled with it.
function residentSignedIn(session) {
  if (session.role !== 'resident') return;
  for (const id of ['enrol-resident', 'gate-resident', 'my-resident']) $(id).value = session.name;
}

function consentingResident() {
  const session = gateSession.current;
  return (session.role === 'resident' ? session.name : $('reg-resident').value).trim();
}

function show(id, kind, message, extra) {
  const box = $(id);
  box.className = 'result ' + kind;
  box.dataset.kind = kind;
  box.textContent = message;
  if (extra) box.appendChild(extra);
}

function fail(id, error) {
  show(id, 'error', error.message);
  $(id).dataset.errorKind = error.kind || '';
}

function when(date) {
  return date ? new Date(date).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}

function table(rows) {
  const t = document.createElement('table');
  for (const [key, value] of rows) {
    const tr = t.insertRow();
    const th = document.createElement('th');
    th.textContent = key;
    tr.appendChild(th);
    tr.insertCell().textContent = value;
  }
  return t;
}

// ---------- the notice (shown first; the generated constants, unchanged) ----------

// The GDPR Art. 13 notice (the generated constant CommunityEntry.GdprNotice, plain text, shown as text).
async function loadGdprNotice() {
  const notice = await api('GET', '/api/notice-gdpr');
  const body = $('gdpr-notice-text');
  body.textContent = notice.text;
  body.dataset.purpose = notice.purposeId;
}

async function loadNotice(language) {
  const notice = await api('GET', `/api/notice/${language}`);
  const short = $('notice-short');
  short.textContent = notice.short;
  short.lang = notice.language;
  // The generated accessible HTML of the notice: the generator HTML-encodes every declared text (Measures Art. 5 §3).
  const body = $('notice-text');
  body.innerHTML = notice.html;
  body.lang = notice.language;
  body.dataset.language = notice.language;
  $('notice-version').textContent = notice.version;
  $('notice-purpose').textContent = notice.purposeId;
  noticeVersion = notice.version;
  for (const button of document.querySelectorAll('.switch button')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === language));
  }
}

// ---------- tabs ----------

function selectTab(tab) {
  for (const t of document.querySelectorAll('[role=tab]')) {
    const selected = t === tab;
    t.setAttribute('aria-selected', String(selected));
    $(t.getAttribute('aria-controls')).hidden = !selected;
  }
}

// Carries the resident id from one step to the next.
function shareResident(value) {
  for (const id of ['reg-resident', 'enrol-resident', 'gate-resident', 'my-resident']) {
    if (!$(id).value) $(id).value = value;
  }
}

// ---------- images: file or camera, decoded in a canvas ----------

const captures = new Map(); // name -> { canvas, width, height }

function drawScaled(canvas, source, width, height) {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
}

function captureReady(container, canvas) {
  const name = container.dataset.capture;
  captures.set(name, { canvas, width: canvas.width, height: canvas.height });
  const label = container.querySelector('[data-pixels]');
  label.textContent = `${canvas.width}×${canvas.height} pixels ready (decoded here; only RGB pixels are sent).`;
  label.dataset.ready = 'true';
}

function rgb24(canvas) {
  const { width, height } = canvas;
  const rgba = canvas.getContext('2d', { willReadFrequently: true }).getImageData(0, 0, width, height).data;
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i];
    rgb[j + 1] = rgba[i + 1];
    rgb[j + 2] = rgba[i + 2];
  }
  return rgb;
}

function setupCapture(container) {
  const canvas = container.querySelector('canvas');
  const file = container.querySelector('input[type=file]');
  const start = container.querySelector('[data-camera-start]');
  const snap = container.querySelector('[data-camera-snap]');
  const video = container.querySelector('[data-camera-video]');
  const label = container.querySelector('[data-pixels]');
  let stream = null;

  file.addEventListener('change', async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    label.dataset.ready = 'false';
    label.textContent = 'Decoding…';
    try {
      const bitmap = await createImageBitmap(chosen);
      drawScaled(canvas, bitmap, bitmap.width, bitmap.height);
      bitmap.close();
      captureReady(container, canvas);
    } catch (error) {
      label.textContent = `This file could not be decoded as an image (${error.message}). Choose a JPEG or PNG.`;
    }
  });

  // The camera is optional: a gate terminal has one; a desktop may not.
  start.addEventListener('click', async () => {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      label.textContent = 'No camera API in this browser: choose a photo instead.';
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
      video.srcObject = stream;
      video.hidden = false;
      snap.hidden = false;
      await video.play();
      label.textContent = 'Camera on: look at it and take a photo.';
    } catch (error) {
      label.textContent = `The camera is not available (${error.message}): choose a photo instead.`;
    }
  });

  snap.addEventListener('click', () => {
    if (!stream) return;
    drawScaled(canvas, video, video.videoWidth, video.videoHeight);
    file.value = '';
    for (const track of stream.getTracks()) track.stop();
    stream = null;
    video.hidden = true;
    snap.hidden = true;
    captureReady(container, canvas);
  });
}

async function sendPixels(url, captureName, residentId) {
  const capture = captures.get(captureName);
  if (!capture) throw new Error('Choose a photo or take one with the camera first.');
  const query = new URLSearchParams({ residentId, width: capture.width, height: capture.height });
  return api('POST', `${url}?${query}`, rgb24(capture.canvas), 'application/octet-stream');
}

// ---------- 1: register and consent ----------

async function register() {
  try {
    const residentId = $('reg-resident').value.trim();
    const result = await api('POST', '/api/residents', { residentId, cardOrPin: $('reg-card').value, password: $('reg-password').value });
    $('reg-password').value = '';
    shareResident(residentId);
    show('reg-result', 'ok', result.message);
  } catch (error) { fail('reg-result', error); }
}

async function consent() {
  try {
    const residentId = consentingResident();
    const under14 = $('under14-box').checked;
    const receipt = await api('POST', '/api/consent', {
      residentId,
      noticeVersion,
      consented: $('consent-box').checked,
      under14,
      guardianName: under14 ? $('guardian-name').value : null,
      guardianRelationship: under14 ? $('guardian-relationship').value : null,
      guardianConfirmed: under14 && $('guardian-box').checked,
    });
    shareResident(residentId);
    const rows = [
      ['Receipt', receipt.receiptId],
      ['Resident', receipt.residentId],
      ['Purpose', receipt.purposeId],
      ['Notice version read', receipt.noticeVersion],
      ['Form', receipt.form === 'Separate' ? 'Separate consent (单独同意)' : receipt.form],
      ['Given', when(receipt.givenAt)],
      ['Valid until', when(receipt.expiresAt)],
    ];
    if (receipt.under14) rows.push(['Under 14, consent given by guardian', receipt.guardian]);
    const view = table(rows);
    view.id = 'receipt-table';
    // Each consent is its own act: the boxes start unticked again for the next person.
    for (const id of ['consent-box', 'under14-box', 'guardian-box']) $(id).checked = false;
    $('guardian-fields').hidden = true;
    show('consent-result', 'ok', `Consent recorded and signed. You can enrol your face now (tab 2).`, view);
  } catch (error) { fail('consent-result', error); }
}

// ---------- 2: enrol ----------

async function enrol() {
  try {
    const residentId = $('enrol-resident').value.trim();
    const result = await sendPixels('/api/enrol', 'enrol', residentId);
    shareResident(residentId);
    show('enrol-result', 'ok', result.message, table([
      ['Template', result.templateId],
      ['Enrolled', when(result.enrolledAt)],
      ['Deleted by', when(result.expiresAt) + ' at the latest (retention), or when you withdraw'],
    ]));
  } catch (error) { fail('enrol-result', error); }
}

// ---------- 3: the gate ----------

function showDecision(decision) {
  const kind = decision.outcome === 'Opened' ? 'ok' : decision.outcome === 'Refused' ? 'error' : 'warn';
  const via = decision.channel === 'Face' ? 'face, 1:1' : 'card or PIN';
  const title = decision.outcome === 'Opened' ? `Gate opened (${via})` : decision.outcome === 'Refused' ? `Gate stays closed (${via})` : 'Face entry not used';
  show('gate-result', kind, `${title} — ${decision.reason}`);
  const box = $('gate-result');
  box.dataset.outcome = decision.outcome;
  box.dataset.channel = decision.channel;
  box.dataset.similarity = decision.similarity ?? '';
  box.dataset.threshold = decision.threshold ?? '';
}

async function gateFace() {
  try {
    showDecision(await sendPixels('/api/gate/face', 'gate', $('gate-resident').value.trim()));
  } catch (error) {
    fail('gate-result', error);
    $('gate-result').dataset.outcome = 'Error';
  }
}

async function gateCard() {
  try {
    showDecision(await api('POST', '/api/gate/card', { residentId: $('gate-resident').value.trim(), cardOrPin: $('gate-card').value }));
  } catch (error) {
    fail('gate-result', error);
    $('gate-result').dataset.outcome = 'Error';
  }
}

// ---------- 4: my face data, withdrawal ----------

function renderStatus(status) {
  const view = $('my-status-view');
  view.replaceChildren();
  const summary = table([
    ['Resident', status.residentId],
    ['Consent to face entry', status.consent === 'Valid' ? 'valid' : status.consent === 'none' ? 'never given' : status.consent.toLowerCase()],
    ['Receipt', status.receiptId ?? '—'],
    ['Guardian', status.guardian ?? '—'],
    ['Face data stored', status.faceDataStored ? `yes: ${status.templates.length} encrypted template(s)` : 'none'],
    ['People with face data at this gate', String(status.peopleStored)],
  ]);
  summary.id = 'status-table';
  summary.dataset.faceDataStored = String(status.faceDataStored);
  summary.dataset.consent = status.consent;
  const heading = document.createElement('h3');
  heading.textContent = 'Processing records about you (audit trail)';
  const audit = document.createElement('table');
  audit.className = 'audit';
  audit.id = 'my-audit';
  audit.createTHead().insertRow().append(...['#', 'Time', 'Action', 'Outcome', 'Detail'].map((h) => {
    const th = document.createElement('th');
    th.textContent = h;
    return th;
  }));
  const body = audit.createTBody();
  for (const record of status.audit) {
    const tr = body.insertRow();
    for (const value of [record.sequence, when(record.time), record.action, record.outcome, record.detail ?? '']) tr.insertCell().textContent = value;
    tr.cells[4].className = 'detail';
  }
  view.append(summary, heading, audit);
  if (status.auditNext !== null) {
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'secondary';
    more.id = 'my-audit-next';
    more.textContent = 'Next page of records';
    more.addEventListener('click', () => myStatus(status.auditNext));
    view.append(more);
  }
}

async function myStatus(auditAfter = 0) {
  try {
    const status = await api('GET', `/api/residents/${encodeURIComponent($('my-resident').value.trim())}?auditAfter=${auditAfter}`);
    show('my-result', 'info', `What the gate holds about ${status.residentId}:`);
    renderStatus(status);
  } catch (error) { fail('my-result', error); }
}

async function withdraw() {
  try {
    const result = await api('POST', '/api/withdraw', { residentId: $('my-resident').value.trim() });
    show('my-result', 'ok', result.message);
    $('my-result').dataset.templatesDeleted = String(result.templatesDeleted);
    if (result.status) renderStatus(result.status);
  } catch (error) { fail('my-result', error); }
}

// ---------- wiring ----------

document.addEventListener('DOMContentLoaded', async () => {
  for (const button of document.querySelectorAll('.switch button')) {
    button.addEventListener('click', () => loadNotice(button.dataset.lang).catch((e) => { $('notice-text').textContent = e.message; }));
  }
  for (const tab of document.querySelectorAll('[role=tab]')) tab.addEventListener('click', () => selectTab(tab));
  for (const container of document.querySelectorAll('[data-capture]')) setupCapture(container);
  $('under14-box').addEventListener('change', () => { $('guardian-fields').hidden = !$('under14-box').checked; });
  gateSession.onChange(residentSignedIn);
  $('reg-submit').addEventListener('click', register);
  $('consent-submit').addEventListener('click', consent);
  $('enrol-submit').addEventListener('click', enrol);
  $('gate-face').addEventListener('click', gateFace);
  $('gate-card-submit').addEventListener('click', gateCard);
  $('my-status').addEventListener('click', () => myStatus());
  $('my-withdraw').addEventListener('click', withdraw);
  try {
    await loadNotice('zh-CN');
    await loadGdprNotice();
    document.body.dataset.ready = 'true';
  } catch (error) {
    $('notice-text').textContent = `The notice could not be loaded: ${error.message}`;
  }
});
