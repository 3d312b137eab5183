import { findMentions, mentionedIds } from '@contracts/mentions.js';
import { describe, expect, it } from 'vitest';

const people = [
  { id: 'zhou', names: ['周晓明', 'zhou.sh1'] },
  { id: 'zhou2', names: ['周晓', 'zhou'] },
  { id: 'qian', names: ['钱东', 'qian.east'] },
];

describe('the @mention parser', () => {
  it('takes the longest colleague name right after @, also when the sentence runs on', () => {
    expect(mentionedIds('@周晓明请明天跟进报价，@钱东 知悉', people)).toEqual(['zhou', 'qian']);
    expect(mentionedIds('抄送@周晓：客户要样品', people)).toEqual(['zhou2']);
    expect(findMentions('请 @钱东 看一下', people)).toEqual([{ id: 'qian', start: 2, length: 3 }]);
  });

  it('matches usernames case-insensitively, whole Latin words only, and ignores e-mail addresses', () => {
    expect(mentionedIds('@Zhou.SH1 please call', people)).toEqual(['zhou']);
    expect(mentionedIds('@zhouwei is not a colleague', people)).toEqual([]);
    expect(mentionedIds('发到 sales@qian.east.com 或 wang@周晓明.cn', people)).toEqual([]);
    expect(mentionedIds('@钱东 @钱东 两次', people)).toEqual(['qian']);
    expect(mentionedIds('没有提到任何人 @', people)).toEqual([]);
  });
});
