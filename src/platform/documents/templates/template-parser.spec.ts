import { parseTemplate } from './template-parser';

describe('parseTemplate', () => {
  it('reads title, headings, paragraphs, lists and skips comments', () => {
    const parsed = parseTemplate(
      [
        '\uFEFF// note for the office',
        '# शीर्षक',
        '',
        'प्रति,',
        '{{recipient}}',
        '',
        '## विषय: {{subject}}',
        '- पहली शर्त',
        '  जारी पंक्ति',
        '- दूसरी शर्त',
        '',
        '1. one',
        '2) two',
        'closing line',
      ].join('\r\n'),
      'x.hi.txt',
    );
    expect(parsed.nodes).toEqual([
      { kind: 'title', text: 'शीर्षक' },
      { kind: 'paragraph', text: 'प्रति,\n{{recipient}}' },
      { kind: 'heading', text: 'विषय: {{subject}}' },
      { kind: 'list', ordered: false, items: ['पहली शर्त\nजारी पंक्ति', 'दूसरी शर्त'] },
      { kind: 'list', ordered: true, items: ['one', 'two'] },
      { kind: 'paragraph', text: 'closing line' },
    ]);
    expect(parsed.placeholders).toEqual(['recipient', 'subject']);
  });

  it('accepts spaces inside the braces', () => {
    expect(parseTemplate('{{ subject }}', 'x.en.txt').placeholders).toEqual(['subject']);
  });

  it('rejects a second title line with the file and line', () => {
    expect(() => parseTemplate('# a\n# b', 'x.en.txt')).toThrow('x.en.txt:2: only one title line');
  });
});
