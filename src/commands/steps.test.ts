import { stepFromUrl } from './steps';

test('the ribbon button URL names the step', () => {
  expect(stepFromUrl('?steg=mal')).toBe('mal');
  expect(stepFromUrl('?steg=rapporter')).toBe('rapporter');
  expect(stepFromUrl('?steg=granska')).toBe('granska');
  expect(stepFromUrl('')).toBe('rapporter');
  expect(stepFromUrl('?steg=okänt')).toBe('rapporter');
});
