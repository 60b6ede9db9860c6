/** @jest-environment jsdom */
import { navBackOf } from './NavBar';

describe('the browser title bar', () => {
  it('regression: a page opened from another offers 返回, one opened directly offers 首页, a tab page neither', () => {
    expect(navBackOf(2, 'pages-service/request/index')).toBe('back');
    expect(navBackOf(1, 'pages-service/request/index')).toBe('home');
    expect(navBackOf(1, 'pages/profile/index')).toBe('none');
    expect(navBackOf(3, '/pages/home/index')).toBe('none');
  });
});
