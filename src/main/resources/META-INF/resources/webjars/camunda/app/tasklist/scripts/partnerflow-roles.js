/*
 * Tasklist shows only the actions the signed-in person can use (docs/security.md, "What Tasklist shows to whom").
 * The engine's policy (com/partnerflow/security/engine-api-policy.txt) lets the vendor's groups comment on tasks and
 * nobody but administrators change a task's due or follow-up date: a due date is the process's own deadline (its
 * timer). This script asks the engine for the person's groups once per page load (GET identity/groups?userId=…, open
 * to everybody for themselves) and marks the page `partnerflow-staff` for the vendor's people and
 * `partnerflow-admin` for administrators; user-styles.css hides the rest. Without an answer nothing is marked, which
 * hides the most.
 */
const STAFF_GROUPS = ['vendor-staff', 'auditors', 'audit-leads', 'moderators', 'finance', 'ops', 'camunda-admin'];
const ADMIN_GROUP = 'camunda-admin';

const base = document.querySelector('base');
const appRoot = base ? base.getAttribute('app-root') : '/camunda';

async function markAudience() {
  const classes = document.documentElement.classList;
  classes.remove('partnerflow-staff', 'partnerflow-admin');
  try {
    const who = await fetch(`${appRoot}/api/admin/auth/user/default`, {credentials: 'same-origin'});
    if (!who.ok) {
      return;
    }
    const {userId} = await who.json();
    const answer = await fetch(`${appRoot}/api/engine/engine/default/identity/groups?userId=${encodeURIComponent(userId)}`,
      {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (!answer.ok) {
      return;
    }
    const groups = ((await answer.json()).groups || []).map(group => group.id);
    classes.toggle('partnerflow-staff', groups.some(group => STAFF_GROUPS.includes(group)));
    classes.toggle('partnerflow-admin', groups.includes(ADMIN_GROUP));
  } catch (unavailable) {
    // nothing marked: the page keeps only what everybody can do
  }
}

markAudience();
// a login or logout in this page changes the person without a reload
window.addEventListener('hashchange', () => markAudience());
