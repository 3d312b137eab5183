import { describe, expect, it } from 'vitest';
import { defineMessages } from './message-catalogue.js';

// The compile-time half of these checks runs with `tsc -p web/tsconfig.json`: each
// expected-error directive below must meet an error, or the type check fails.
describe('message catalogues', () => {
  it('accept translations with the source keys, and a singular beside a count', () => {
    const messages = defineMessages({
      'zh-CN': { title: '任务', list: { count: '{{count}} 项' } },
      'zh-TW': { title: '任務', list: { count: '{{count}} 項' } },
      en: { title: 'Tasks', list: { count: '{{count}} tasks', count_one: '{{count}} task' } },
    });
    expect(messages.en.list.count_one).toBe('{{count}} task');
  });

  it('refuse a translation with a key missing, left over or nested elsewhere', () => {
    defineMessages({
      'zh-CN': { title: '任务', list: { empty: '暂无' } },
      // @ts-expect-error the nested key is missing
      'zh-TW': { title: '任務', list: {} },
      en: { title: 'Tasks', list: { empty: 'None' } },
    });
    defineMessages({
      'zh-CN': { title: '任务' },
      // @ts-expect-error a key the source does not have
      'zh-TW': { title: '任務', subtitle: '多餘' },
      en: { title: 'Tasks' },
    });
    defineMessages({
      'zh-CN': { title: '任务' },
      'zh-TW': { title: '任務' },
      // @ts-expect-error a group where the source has a string
      en: { title: { text: 'Tasks' } },
    });
    expect(true).toBe(true);
  });
});
