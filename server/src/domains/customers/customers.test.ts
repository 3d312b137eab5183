import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, makeAdmin, makeClient, makeCustomer, makeRep, makeTeam, uniq } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((c) => c.name);

describe('customer records', () => {
  it('creates a customer owned by its creator, with defaults, and reads it back', async () => {
    const repA = await makeRep(t.app, t.db);
    const created = await repA.post('/api/v1/customers', {
      name: '  上海华为技术有限公司  ',
      industry: 'it',
      grade: 'A',
      tags: ['vip'],
      creditLimit: 150000.5,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: '上海华为技术有限公司',
      ownerId: repA.userId,
      ownerDeptId: repA.departmentId,
      createdBy: repA.userId,
      customerType: 'development',
      isKey: false,
      creditLimit: '150000.50',
      tags: ['vip'],
      contactCount: 0,
      version: 1,
    });
    expect((await repA.get(`/api/v1/customers/${created.body.id}`)).body).toEqual(created.body);
  });

  it('changes only the fields sent and counts the version up; an empty change keeps the version', async () => {
    const repA = await makeRep(t.app, t.db);
    const c = await makeCustomer(repA, { phone: '021-1234', tags: ['vip'], customerType: 'project' });
    const res = await repA.patch(`/api/v1/customers/${c.id}`, { version: 1, grade: 'B', isKey: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: c.name, phone: '021-1234', grade: 'B', isKey: true, version: 2, updatedBy: repA.userId });
    // Fields with a create-time default (tags, key flag, type) are left alone when a PATCH omits them.
    const same = await repA.patch(`/api/v1/customers/${c.id}`, { version: 2, grade: 'B' });
    expect(same.body).toMatchObject({ version: 2, isKey: true, tags: ['vip'], customerType: 'project', phone: '021-1234' });
  });

  it('answers 409 VERSION_CONFLICT with the current record on a stale version, and writes nothing', async () => {
    const repA = await makeRep(t.app, t.db);
    const c = await makeCustomer(repA);
    await repA.patch(`/api/v1/customers/${c.id}`, { version: 1, region: '华东' });
    const history = await countRows(t.db, 'record_history', ['record_id', c.id]);
    const res = await repA.patch(`/api/v1/customers/${c.id}`, { version: 1, region: '华北', name: uniq('新名') });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('VERSION_CONFLICT');
    expect(res.body.error.current).toMatchObject({ id: c.id, name: c.name, region: '华东', version: 2 });
    expect((await repA.get(`/api/v1/customers/${c.id}`)).body).toMatchObject({ name: c.name, region: '华东', version: 2 });
    expect(await countRows(t.db, 'record_history', ['record_id', c.id])).toBe(history);
  });

  it('deletes into the recycle bin: gone from the list and from reads by id (404)', async () => {
    const repA = await makeRep(t.app, t.db);
    const c = await makeCustomer(repA);
    expect((await repA.delete(`/api/v1/customers/${c.id}`)).status).toBe(200);
    expect((await repA.get(`/api/v1/customers/${c.id}`)).status).toBe(404);
    expect((await repA.get('/api/v1/customers')).body.total).toBe(0);
    expect((await repA.delete(`/api/v1/customers/${c.id}`)).status).toBe(404);
    expect((await repA.patch(`/api/v1/customers/${c.id}`, { version: 2, name: uniq() })).status).toBe(404);
  });
});

describe('customer names are unique among live customers', () => {
  it('refuses a duplicate name with 400 fields.name, ignoring letter case and spaces', async () => {
    const team = await makeTeam(t.app, t.db);
    const name = uniq('Acme Trading ');
    await makeCustomer(team.repA, { name });
    const before = await countRows(t.db, 'customers');
    // Another rep, who cannot see the original, is refused the same way; the owner is not revealed.
    for (const dup of [name, name.toUpperCase(), `  ${name.toLowerCase()} `]) {
      const res = await team.repB.request('POST', '/api/v1/customers', { name: dup }, { 'x-locale': 'en' });
      expect(res.status, dup).toBe(400);
      expect(res.body.error.fields).toEqual({ name: 'Already exists' });
    }
    expect(await countRows(t.db, 'customers')).toBe(before);
  });

  it('refuses renaming into a taken name, but allows keeping one’s own name', async () => {
    const repA = await makeRep(t.app, t.db);
    const taken = await makeCustomer(repA);
    const c = await makeCustomer(repA);
    const res = await repA.patch(`/api/v1/customers/${c.id}`, { version: 1, name: taken.name.toUpperCase() });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('name');
    expect((await repA.patch(`/api/v1/customers/${c.id}`, { version: 1, name: c.name.toUpperCase() })).status).toBe(200);
  });

  it('frees the name once the original is deleted', async () => {
    const repA = await makeRep(t.app, t.db);
    const c = await makeCustomer(repA);
    await repA.delete(`/api/v1/customers/${c.id}`);
    expect((await repA.post('/api/v1/customers', { name: c.name })).status).toBe(201);
  });
});

describe('picklist fields', () => {
  it('refuses an unknown industry, source or grade code with 400 on that field', async () => {
    const repA = await makeRep(t.app, t.db);
    for (const field of ['industry', 'source', 'grade']) {
      const res = await repA.post('/api/v1/customers', { name: uniq(), [field]: 'no_such_code' });
      expect(res.status, field).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual([field]);
    }
    expect((await repA.get('/api/v1/customers')).body.total).toBe(0);
  });

  it('refuses a deactivated value on new records, while records that hold it can still be saved', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const repA = await makeRep(t.app, t.db);
    const code = uniq('ind_');
    const value = await admin.post('/api/v1/picklists/industry/values', {
      code,
      labels: { 'zh-CN': '航天', 'zh-TW': '航太', en: 'Aerospace' },
    });
    const holder = await makeCustomer(repA, { industry: code });
    expect((await admin.patch(`/api/v1/picklists/values/${value.body.id}`, { version: 1, active: false })).status).toBe(200);

    const fresh = await repA.post('/api/v1/customers', { name: uniq(), industry: code });
    expect(fresh.status).toBe(400);
    expect(fresh.body.error.fields).toHaveProperty('industry');
    const other = await makeCustomer(repA);
    expect((await repA.patch(`/api/v1/customers/${other.id}`, { version: 1, industry: code })).status).toBe(400);

    const kept = await repA.patch(`/api/v1/customers/${holder.id}`, { version: 1, remarks: '仍可保存', industry: code });
    expect(kept.status).toBe(200);
    expect(kept.body.industry).toBe(code);
  });
});

describe('customer list', () => {
  async function repWithCustomers() {
    const rep = await makeClient(t.app, t.db);
    const tag = uniq('t');
    const specs = [
      { name: `${tag}-Alpha`, industry: 'it', grade: 'A', isKey: true, tags: ['vip'], phone: '13911112222' },
      { name: `${tag}-Bravo`, industry: 'finance', grade: 'B', customerType: 'retention' },
      { name: `${tag}-Charlie`, industry: 'it', grade: 'C', shortName: '查理' },
      { name: `${tag}-Delta`, industry: 'retail', grade: 'A', region: '浙江杭州' },
      { name: `${tag}-Echo`, industry: 'other', grade: 'D', creditLimit: '99.5' },
    ];
    for (const s of specs) await makeCustomer(rep, s);
    return { rep, tag };
  }

  it('pages and sorts', async () => {
    const { rep, tag } = await repWithCustomers();
    const page2 = await rep.get('/api/v1/customers?sort=name&page=2&pageSize=2');
    expect(page2.status).toBe(200);
    expect(page2.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(names(page2)).toEqual([`${tag}-Charlie`, `${tag}-Delta`]);
    expect(names(await rep.get('/api/v1/customers?sort=-name&pageSize=1'))).toEqual([`${tag}-Echo`]);
    expect(names(await rep.get('/api/v1/customers?page=9'))).toEqual([]);
  });

  it('filters by picklists, type, key flag, tag, region and free text', async () => {
    const { rep, tag } = await repWithCustomers();
    const cases: [string, string[]][] = [
      ['industry=it', ['Alpha', 'Charlie']],
      ['industry=it,retail&grade=A', ['Alpha', 'Delta']],
      ['customerType=retention', ['Bravo']],
      ['isKey=true', ['Alpha']],
      ['tag=vip', ['Alpha']],
      ['region=杭州', ['Delta']],
      ['q=查理', ['Charlie']],
      ['q=1391111', ['Alpha']],
      [`q=${encodeURIComponent(`${tag}-ech`.toUpperCase())}`, ['Echo']],
      ['q=%25', []],
    ];
    for (const [query, expected] of cases) {
      const res = await rep.get(`/api/v1/customers?sort=name&${query}`);
      expect(res.status, query).toBe(200);
      expect(names(res), query).toEqual(expected.map((n) => `${tag}-${n}`));
    }
  });

  it('refuses bad paging and sorting with 400 instead of guessing', async () => {
    const { rep } = await repWithCustomers();
    for (const query of [
      'pageSize=201',
      'pageSize=1000',
      'pageSize=0',
      'page=0',
      'page=-1',
      'page=abc',
      "sort=';drop",
      'sort=name desc',
      'isKey=maybe',
      'customerType=vip',
      'ownerId=nope',
    ]) {
      const res = await rep.get(`/api/v1/customers?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
    }
    expect((await rep.get('/api/v1/customers?pageSize=200')).status).toBe(200);
  });
});
