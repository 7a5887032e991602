// The operator page: audit trail with its chain verification, retention schedule and purges, filing threshold.
'use strict';

const $ = (id) => document.getElementById(id);
const number = new Intl.NumberFormat('en-US');

function when(date) {
  return date ? new Date(date).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' }) : '—';
}

// Fills a table's body; classes[i] styles column i ('id' for long ids, 'detail' for free text).
function fill(tableId, rows, classes = []) {
  const body = $(tableId).tBodies[0];
  body.replaceChildren();
  for (const cells of rows) {
    const tr = body.insertRow();
    cells.forEach((value, i) => {
      const td = tr.insertCell();
      td.textContent = value;
      if (classes[i]) td.className = classes[i];
    });
  }
}

function render(report) {
  const chain = $('chain');
  const audit = report.audit;
  chain.className = 'result ' + (audit.chainValid ? 'ok' : 'error');
  chain.dataset.valid = String(audit.chainValid);
  chain.textContent = audit.chainValid
    ? `Chain verified: all ${number.format(audit.recordsChecked)} records are authentic, in order and chained (checked ${when(report.now)}).`
    : `Chain BROKEN at record ${audit.firstInvalidSequence}: ${audit.problem} (${number.format(audit.recordsChecked)} records verified before it).`;
  $('audit-next').hidden = audit.next === null;
  $('audit-next').dataset.after = audit.next ?? '';
  fill('audit', audit.records.map((r) => [r.sequence, when(r.time), r.actor, r.action, r.subjectId ?? '', r.outcome, r.detail ?? '', r.hash]),
    [null, null, null, null, null, null, 'detail', 'id']);

  const filing = report.filing;
  $('filing-people').textContent = number.format(filing.peopleStored);
  $('filing-distance').textContent = `${number.format(filing.distanceToFiling)} people`;
  $('filing-distance').dataset.distance = String(filing.distanceToFiling);
  $('filing-residents').textContent = number.format(report.residents);
  $('filing-meter').style.width = `${Math.min(100, filing.percentOfFilingLevel)}%`;
  $('filing-events').textContent = filing.events.length === 0
    ? `No threshold reached yet: warning at ${number.format(filing.warningLevel)}, filing at ${number.format(filing.filingLevel)} people (${filing.percentOfFilingLevel.toFixed(3)}% of it now).`
    : filing.events.map((e) => `${when(e.time)}: ${e.detail}`).join(' · ');

  const retention = report.retention;
  fill('purposes', retention.purposes.map((p) => [p.id, p.method, `${p.retentionDays} days`, p.storage, p.noticeVersion]), [null, null, null, null, 'id']);
  fill('schedule', retention.schedule.map((t) => [t.residentId, t.templateId, when(t.enrolledAt), when(t.expiresAt)]), [null, 'id']);
  const purge = retention.purge;
  $('purge-status').textContent = purge.lastRunAt
    ? `Runs every ${purge.interval} and on demand. Last run ${when(purge.lastRunAt)}: ${purge.lastDeleted} template(s) deleted`
      + ` (${purge.totalDeleted} since start, ${purge.runs} run(s)). Next run ${when(purge.nextRunAt)}.`
      + ` Past their date now: ${purge.overdueNow}.` + (purge.lastError ? ` Last error: ${purge.lastError}` : '')
    : `Runs every ${purge.interval} and on demand; not run yet.`;
  fill('gate-log', report.gate.map((g) => [
    when(g.time),
    g.residentId,
    g.outcome === 'CardRequired' ? 'face not used' : g.channel === 'Face' ? 'face, 1:1' : 'card/PIN',
    g.outcome === 'CardRequired' ? 'asked for card/PIN' : g.outcome === 'Opened' ? 'opened' : 'refused',
  ]));
}

// The report needs the operator's sign-in; the audit trail is read a page at a time.
async function load(after = 0) {
  if (gateSession.current.role !== 'operator') {
    $('chain').className = 'result warn';
    $('chain').textContent = 'Sign in as the operator to see the audit trail, the retention schedule and the filing threshold.';
    return;
  }
  try {
    render(await gateSession.request('GET', `/api/operator?auditAfter=${after}`));
    document.body.dataset.ready = 'true';
  } catch (error) {
    $('chain').className = 'result error';
    $('chain').textContent = error.message;
  }
}

async function purgeNow() {
  const box = $('purge-result');
  try {
    const data = await gateSession.request('POST', '/api/operator/purge');
    box.className = 'result ok';
    box.dataset.deleted = String(data.deleted);
    box.textContent = `Purge done: ${data.deleted} template(s) past their retention deleted.`;
    render(data.report);
  } catch (error) {
    box.className = 'result error';
    box.textContent = error.message;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('refresh').addEventListener('click', () => load());
  $('audit-next').addEventListener('click', () => load(Number($('audit-next').dataset.after)));
  $('purge-now').addEventListener('click', purgeNow);
  gateSession.onChange(() => load());
});
