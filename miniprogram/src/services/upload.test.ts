/** @jest-environment jsdom */
import { isPhoto } from './upload';

describe('what counts as a photo to upload', () => {
  it('regression: a PDF or a Word file picked in the browser is not a photo, so it is refused with a message', () => {
    expect(isPhoto({ type: 'application/pdf', name: '户口本.pdf' })).toBe(false);
    expect(isPhoto({ type: '', name: '申请表.docx' })).toBe(false);
  });

  it('takes any image type, and a file WeChat picked (which carries no type)', () => {
    expect(isPhoto({ type: 'image/jpeg', name: 'IMG_0001.jpg' })).toBe(true);
    expect(isPhoto({ type: 'image/heic', name: 'IMG_0002.heic' })).toBe(true);
    expect(isPhoto(undefined)).toBe(true);
  });
});
