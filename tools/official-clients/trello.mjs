// Exercises a Trello API (the real one or Tolk's emulator) with the trello.js client, changing only its host.
// Atlassian publishes no official JavaScript SDK for Trello; trello.js is the most used client on npm (and it checks
// every response against its schemas, so a field of the wrong type or shape fails here as it would in an application).
// Usage: node trello.mjs --base-url http://127.0.0.1:7102/1 --key <api key> --token <token>
import { createTrelloClient } from 'trello.js';
import { assert, equal, options, rejects, run } from './lib/checks.mjs';

const args = options({ 'base-url': 'TRELLO_BASE_URL', key: 'TRELLO_KEY', token: 'TRELLO_TOKEN' });
const host = args['base-url'].replace(/\/+$/, '');
const trello = createTrelloClient({ host, apiKey: args.key, apiToken: args.token });
const state = {};
const stamp = Date.now().toString(36);

await run('trello, with the client trello.js@2.2.0', [
  ['members.getMember("me") answers the token\'s member', async () => {
    const me = await trello.members.getMember({ id: 'me' });
    assert(me.id && me.username && me.fullName, `id, username and fullName expected: ${JSON.stringify(me)}`);
    assert(Array.isArray(me.idOrganizations) && Array.isArray(me.idBoards), 'idOrganizations and idBoards expected');
    state.me = me;
  }],
  ['members.getMemberOrganizations lists the member\'s organizations', async () => {
    const organizations = await trello.members.getMemberOrganizations({ id: 'me' });
    assert(organizations.length > 0, 'no organizations');
    for (const id of state.me.idOrganizations) {
      assert(organizations.some((o) => o.id === id), `organization ${id} of members/me is not listed`);
    }
    state.organization = organizations[0].id;
  }],
  ['organizations.getOrganization, getOrganizationMembers and getOrganizationBoards', async () => {
    const organization = await trello.organizations.getOrganization({ id: state.organization });
    equal(organization.id, state.organization, 'organization id');
    const members = await trello.organizations.getOrganizationMembers({ id: state.organization });
    assert(members.some((m) => m.id === state.me.id), 'the member is not among its organization\'s members');
    const boards = await trello.organizations.getOrganizationBoards({ id: state.organization, filter: 'all' });
    assert(boards.every((b) => b.idOrganization === state.organization), 'a board of another organization');
  }],
  ['members.getMemberBoards lists the member\'s boards', async () => {
    const boards = await trello.members.getMemberBoards({ id: 'me', filter: 'all' });
    assert(boards.length > 0, 'no boards');
    for (const id of state.me.idBoards) {
      assert(boards.some((b) => b.id === id), `board ${id} of members/me is not listed`);
    }
    state.boards = boards.map((b) => b.id);
  }],
  ['boards.getBoard, getBoardMembers, getBoardLists and getBoardCards', async () => {
    for (const id of state.boards) {
      const lists = await trello.boards.getBoardLists({ id, filter: 'all' });
      const cards = await trello.boards.getBoardCards({ id });
      if (lists.length > 0 && cards.length > 0) {
        state.board = id;
        state.list = lists.find((l) => !l.closed)?.id ?? lists[0].id;
        state.card = cards[0].id;
        break;
      }
    }
    assert(state.card, 'no board with lists and cards');
    const board = await trello.boards.getBoard({ id: state.board });
    equal(board.id, state.board, 'board id');
    const members = await trello.boards.getBoardMembers({ id: state.board });
    assert(members.length > 0, 'a board without members');
  }],
  ['boards.getBoardActions pages with limit and before', async () => {
    const all = await trello.boards.getBoardActions({ boardId: state.board, filter: 'all', limit: 1000 });
    assert(all.length > 1, `expected several actions, got ${all.length}`);
    const seen = [];
    let before;
    for (let i = 0; i < 1000; i++) {
      const page = await trello.boards.getBoardActions({ boardId: state.board, filter: 'all', limit: 2, before });
      seen.push(...page.map((a) => a.id));
      if (page.length < 2) {
        break;
      }
      before = page[page.length - 1].id;
    }
    equal(JSON.stringify(seen), JSON.stringify(all.map((a) => a.id)), 'actions paged with before');
  }],
  ['a card\'s board and list, a list\'s board, a board\'s memberships and an action\'s board', async () => {
    equal((await trello.cards.getCardBoard({ id: state.card })).id, state.board, 'card board');
    equal((await trello.cards.getCardList({ id: state.card })).idBoard, state.board, 'card list');
    equal((await trello.lists.getListBoard({ id: state.list })).id, state.board, 'list board');
    const memberships = await trello.boards.getBoardMemberships({ id: state.board });
    assert(memberships.length > 0 && memberships.every((m) => m.idMember && m.memberType), 'memberships with idMember and memberType expected');
    const [action] = await trello.boards.getBoardActions({ boardId: state.board, limit: 1 });
    equal((await trello.actions.getActionBoard({ id: action.id })).id, state.board, 'action board');
    await trello.cards.getCardMembers({ id: state.card });
  }],
  ['cards.createCard, updateCard, getCard and deleteCard', async () => {
    const card = await trello.cards.createCard({ idList: state.list, name: `Official client check ${stamp}`, desc: 'made by trello.js' });
    equal(card.idList, state.list, 'idList');
    const updated = await trello.cards.updateCard({ id: card.id, desc: 'updated by trello.js', dueComplete: true });
    equal(updated.desc, 'updated by trello.js', 'desc');
    const read = await trello.cards.getCard({ id: card.id });
    equal(read.dueComplete, true, 'dueComplete');
    await trello.cards.deleteCard({ id: card.id });
    const error = await rejects(trello.cards.getCard({ id: card.id }), 'getCard of a deleted card');
    assert(/Request failed: 404/.test(error.message), `404 expected: ${error.message}`);
  }],
  ['cards.createCardComment, actions.getAction and updateAction change a comment', async () => {
    const comment = await trello.cards.createCardComment({ id: state.card, text: `Comment ${stamp}` });
    equal(comment.type, 'commentCard', 'type');
    equal(comment.data?.text, `Comment ${stamp}`, 'data.text');
    state.comment = comment.id;
    const updated = await trello.actions.updateAction({ id: state.comment, text: `Edited ${stamp}` });
    equal(updated.data?.text, `Edited ${stamp}`, 'data.text after updateAction');
    const read = await trello.actions.getAction({ id: state.comment });
    equal(read.data?.text, `Edited ${stamp}`, 'data.text read back');
    const onCard = await trello.cards.getCardActions({ id: state.card, filter: 'commentCard' });
    assert(onCard.some((a) => a.id === state.comment), 'the comment is not among the card\'s actions');
  }],
  ['cards.updateCardComment and deleteCardComment change and remove a comment through its card', async () => {
    const updated = await trello.cards.updateCardComment({ id: state.card, idAction: state.comment, text: `Edited again ${stamp}` });
    equal(updated.data?.text, `Edited again ${stamp}`, 'data.text');
    await trello.cards.deleteCardComment({ id: state.card, idAction: state.comment });
    const onCard = await trello.cards.getCardActions({ id: state.card, filter: 'commentCard' });
    assert(!onCard.some((a) => a.id === state.comment), 'the deleted comment is still on the card');
  }],
  ['actions.deleteAction removes a comment', async () => {
    const comment = await trello.cards.createCardComment({ id: state.card, text: `Short-lived ${stamp}` });
    await trello.actions.deleteAction({ id: comment.id });
    const error = await rejects(trello.actions.getAction({ id: comment.id }), 'getAction of a deleted comment');
    assert(/Request failed: 404/.test(error.message), `404 expected: ${error.message}`);
  }],
  ['organizations.createOrganization, updateOrganization and deleteOrganization', async () => {
    const created = await trello.organizations.createOrganization({ displayName: `Official Client ${stamp}`, desc: 'made by trello.js' });
    equal(created.displayName, `Official Client ${stamp}`, 'displayName');
    assert(created.name, 'no name was made from the display name');
    const updated = await trello.organizations.updateOrganization({ id: created.id, desc: 'updated by trello.js', website: 'https://example.org' });
    equal(updated.desc, 'updated by trello.js', 'desc');
    const read = await trello.organizations.getOrganization({ id: created.id });
    equal(read.website, 'https://example.org', 'website');
    await trello.organizations.deleteOrganization({ id: created.id });
    const error = await rejects(trello.organizations.getOrganization({ id: created.id }), 'getOrganization of a deleted organization');
    assert(/Request failed: 404/.test(error.message), `404 expected: ${error.message}`);
  }],
  ['a bad token is refused with 401', async () => {
    const stranger = createTrelloClient({ host, apiKey: args.key, apiToken: '0'.repeat(64) });
    const error = await rejects(stranger.members.getMember({ id: 'me' }), 'getMember with a bad token');
    assert(/Request failed: 401/.test(error.message), `401 expected: ${error.message}`);
  }],
]);
