import { safeFilename, sniffFileType } from './file-signature';

describe('attachment file types', () => {
  it('recognises PDF, JPEG and PNG by their first bytes', () => {
    expect(sniffFileType(Buffer.from('%PDF-1.7\n'))?.contentType).toBe('application/pdf');
    expect(sniffFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))?.contentType).toBe('image/jpeg');
    expect(sniffFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.contentType).toBe('image/png');
  });

  it('refuses a Windows program whatever it is called', () => {
    expect(sniffFileType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBeNull();
    expect(sniffFileType(Buffer.alloc(0))).toBeNull();
  });

  it('keeps a readable name with the real extension and nothing that could escape a header or a path', () => {
    expect(safeFilename('..\\..\\id "card".exe', 'png')).toBe('id card.png');
    expect(safeFilename('आवेदन पत्र.pdf', 'pdf')).toBe('आवेदन पत्र.pdf');
    expect(safeFilename(undefined, 'jpg')).toBe('attachment.jpg');
  });
});
