// Exercises an Asana API (the real one or Tolk's emulator) with Asana's official Node client, changing only its base URL.
// Usage: node asana.mjs --base-url http://127.0.0.1:7101/api/1.0 --token <personal access token>
import Asana from 'asana';
import { assert, equal, options, rejects, run } from './lib/checks.mjs';

const args = options({ 'base-url': 'ASANA_BASE_URL', token: 'ASANA_TOKEN' });
const client = new Asana.ApiClient();
client.basePath = args['base-url'].replace(/\/+$/, '');
client.authentications.token.accessToken = args.token;

const users = new Asana.UsersApi(client);
const workspaces = new Asana.WorkspacesApi(client);
const teams = new Asana.TeamsApi(client);
const projects = new Asana.ProjectsApi(client);
const tasks = new Asana.TasksApi(client);
const events = new Asana.EventsApi(client);
const batch = new Asana.BatchAPIApi(client);
const sections = new Asana.SectionsApi(client);

const PAGE = 2;
const state = {};

// Follows a collection's nextPage to the end; every record must come once.
async function all(first) {
  const seen = new Set();
  let pages = 0;
  for (let page = await first; page?.data; page = await page.nextPage()) {
    pages++;
    for (const item of page.data) {
      assert(typeof item.gid === 'string' && item.gid.length > 0, `a record without a gid: ${JSON.stringify(item)}`);
      assert(!seen.has(item.gid), `${item.gid} came twice while paging`);
      seen.add(item.gid);
    }
    assert(pages < 10_000, 'paging does not end');
  }
  return { gids: [...seen], pages };
}

// The first events call without a sync token, or with a stale one, fails 412 with a fresh token in the body.
async function freshSyncToken(resource, sync) {
  const error = await rejects(events.getEvents(resource, sync ? { sync } : {}), 'events without a valid sync token');
  equal(error.status, 412, 'status');
  const body = error.response.body;
  assert(typeof body.sync === 'string' && body.sync.length > 0, `no sync token in the 412 body: ${error.response.text}`);
  assert(Array.isArray(body.errors) && typeof body.errors[0]?.message === 'string', `no errors[].message in the 412 body: ${error.response.text}`);
  return body.sync;
}

await run('asana, with the official client asana@3.2.0', [
  ['users.getUser("me") answers the token\'s user and its workspaces', async () => {
    const me = await users.getUser('me', { opt_fields: 'resource_type,name,email,workspaces,workspaces.name' });
    equal(me.data.resource_type, 'user', 'resource_type');
    assert(me.data.name && me.data.email, `name and email expected: ${JSON.stringify(me.data)}`);
    assert(me.data.workspaces?.length > 0, 'the user belongs to no workspace');
    state.me = me.data;
  }],
  ['workspaces.getWorkspaces lists the user\'s workspaces, paged', async () => {
    const { gids } = await all(workspaces.getWorkspaces({ limit: 1, opt_fields: 'name,is_organization' }));
    for (const w of state.me.workspaces) {
      assert(gids.includes(w.gid), `workspace ${w.gid} of users/me is not listed`);
    }
    state.workspace = state.me.workspaces[0].gid;
    const one = await workspaces.getWorkspace(state.workspace, { opt_fields: 'name,is_organization,email_domains' });
    equal(one.data.gid, state.workspace, 'workspace gid');
  }],
  ['users.getUsersForWorkspace pages through every user with nextPage', async () => {
    const { gids, pages } = await all(users.getUsersForWorkspace(state.workspace, { limit: PAGE, opt_fields: 'name,email' }));
    assert(pages > 1, `expected several pages of ${PAGE}, got ${pages}`);
    assert(gids.includes(state.me.gid), 'users/me is not among the workspace\'s users');
  }],
  ['teams.getTeamsForWorkspace and users.getUsersForTeam page', async () => {
    const { gids } = await all(teams.getTeamsForWorkspace(state.workspace, { limit: PAGE, opt_fields: 'name,description' }));
    assert(gids.length > 0, 'no teams');
    state.team = gids[0];
    const team = await teams.getTeam(state.team, { opt_fields: 'name,organization' });
    equal(team.data.gid, state.team, 'team gid');
    await all(users.getUsersForTeam(state.team, { limit: PAGE }));
  }],
  ['projects.getProjectsForWorkspace and getProjectsForTeam page', async () => {
    const { gids } = await all(projects.getProjectsForWorkspace(state.workspace, { limit: PAGE, opt_fields: 'name,team,archived,modified_at' }));
    assert(gids.length > 0, 'no projects');
    await all(projects.getProjectsForTeam(state.team, { limit: PAGE }));
    state.projects = gids;
  }],
  ['tasks.getTasksForProject pages with opt_fields', async () => {
    let found = 0;
    for (const project of state.projects.slice(0, 3)) {
      const first = await tasks.getTasksForProject(project, { limit: 2, opt_fields: 'name,notes,completed,assignee,modified_at,memberships.section' });
      for (const t of first.data) {
        assert('notes' in t && 'completed' in t && 'modified_at' in t, `opt_fields not honoured: ${JSON.stringify(t)}`);
      }
      found += (await all(Promise.resolve(first))).gids.length;
    }
    assert(found > 0, 'no tasks in the first projects');
    state.project = state.projects[0];
  }],
  ['a project\'s sections, a task\'s subtasks and projects, a user\'s teams and a user by email', async () => {
    const { gids } = await all(sections.getSectionsForProject(state.project, { limit: PAGE }));
    assert(gids.length > 0, 'a project without sections');
    equal((await sections.getSection(gids[0], {})).data.gid, gids[0], 'section gid');
    const [task] = (await tasks.getTasksForProject(state.project, { limit: 1 })).data;
    await all(tasks.getSubtasksForTask(task.gid, { limit: PAGE }));
    const inProjects = await all(projects.getProjectsForTask(task.gid, { limit: PAGE }));
    assert(inProjects.gids.includes(state.project), 'the task\'s project is not among its projects');
    const mine = await all(teams.getTeamsForUser('me', state.workspace, { limit: PAGE }));
    assert(mine.gids.length > 0, 'the user is in no team');
    equal((await users.getUser(state.me.email, {})).data.gid, state.me.gid, 'user by email');
    equal((await users.getUserForWorkspace(state.workspace, 'me', {})).data.gid, state.me.gid, 'user in workspace');
  }],
  ['events.getEvents without a sync token is 412 with a fresh token', async () => {
    state.sync = await freshSyncToken(state.project);
  }],
  ['tasks.createTask makes a task in a project', async () => {
    const created = await tasks.createTask({ data: { name: 'Official client check', notes: 'made by asana@3.2.0', projects: [state.project], workspace: state.workspace } },
      { opt_fields: 'name,notes,projects,completed' });
    equal(created.data.name, 'Official client check', 'name');
    equal(created.data.completed, false, 'completed');
    assert(created.data.projects.some((p) => p.gid === state.project), 'the task is not in its project');
    state.task = created.data.gid;
  }],
  ['tasks.updateTask changes fields and getTask reads them back', async () => {
    const updated = await tasks.updateTask({ data: { notes: 'updated by the official client', completed: true } }, state.task, { opt_fields: 'notes,completed' });
    equal(updated.data.notes, 'updated by the official client', 'notes');
    const read = await tasks.getTask(state.task, { opt_fields: 'notes,completed,completed_at,modified_at' });
    equal(read.data.completed, true, 'completed');
    assert(read.data.completed_at, 'completed_at is not set');
  }],
  ['tasks.addFollowersForTask, removeFollowerForTask and setParentForTask', async () => {
    const followed = await tasks.addFollowersForTask({ data: { followers: ['me'] } }, state.task, { opt_fields: 'followers' });
    assert(followed.data.followers.some((f) => f.gid === state.me.gid), 'the user does not follow the task');
    const unfollowed = await tasks.removeFollowerForTask({ data: { followers: [state.me.gid] } }, state.task, { opt_fields: 'followers' });
    assert(!unfollowed.data.followers.some((f) => f.gid === state.me.gid), 'the user still follows the task');
    const sibling = await tasks.createTask({ data: { name: 'Official client parent', projects: [state.project] } }, {});
    const moved = await tasks.setParentForTask({ data: { parent: sibling.data.gid } }, state.task, { opt_fields: 'parent' });
    equal(moved.data.parent?.gid, sibling.data.gid, 'parent');
    equal((await tasks.setParentForTask({ data: { parent: null } }, state.task, { opt_fields: 'parent' })).data.parent, null, 'parent after unparenting');
    await tasks.deleteTask(sibling.data.gid);
  }],
  ['events.getEvents with the sync token returns the task\'s changes and a new token', async () => {
    const page = await events.getEvents(state.project, { sync: state.sync });
    assert(typeof page._response.sync === 'string', `no sync in the response: ${JSON.stringify(page._response)}`);
    assert(page.data.some((e) => e.resource?.gid === state.task), `no event for task ${state.task}: ${JSON.stringify(page.data)}`);
    for (const e of page.data) {
      assert(e.action && e.resource?.resource_type && e.created_at, `an event without action, resource or created_at: ${JSON.stringify(e)}`);
    }
    state.sync = page._response.sync;
  }],
  ['events.getEvents with an unknown sync token is 412 with a fresh token', async () => {
    await freshSyncToken(state.project, 'de2ba4b1fa0a9a73b55bde1bd3c2fb27:0');
  }],
  ['batch.createBatchRequest runs several actions', async () => {
    const result = await batch.createBatchRequest({ data: { actions: [
      { method: 'get', relative_path: `/tasks/${state.task}`, options: { fields: ['name'] } },
      { method: 'get', relative_path: `/projects/${state.project}` },
    ] } });
    equal(result.data.length, 2, 'answers');
    equal(result.data[0].status_code, 200, 'first status');
    equal(result.data[0].body.data.gid, state.task, 'first answer');
  }],
  ['tasks.deleteTask, then getTask is 404 with Asana\'s error body', async () => {
    await tasks.deleteTask(state.task);
    const error = await rejects(tasks.getTask(state.task), 'getTask of a deleted task');
    equal(error.status, 404, 'status');
    assert(typeof error.response.body.errors?.[0]?.message === 'string', `no errors[].message: ${error.response.text}`);
  }],
  ['a bad token is 401 with Asana\'s error body', async () => {
    const other = new Asana.ApiClient();
    other.basePath = client.basePath;
    other.authentications.token.accessToken = 'not-a-token';
    const error = await rejects(new Asana.UsersApi(other).getUser('me'), 'getUser with a bad token');
    equal(error.status, 401, 'status');
    assert(typeof error.response.body.errors?.[0]?.message === 'string', `no errors[].message: ${error.response.text}`);
  }],
]);
