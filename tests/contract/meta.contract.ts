/**
 * The MetaStore contract: the first value written for a key wins, even when first runs race,
 * unless a value is replaced on purpose.
 */
import type { MetaStore } from '../../cloudfunctions/core/stores/meta.port';

/** Defines the meta sentences over the fresh store `current()` answers. */
export function metaContract(current: () => MetaStore): void {
  describe('MetaStore', () => {
    let store: MetaStore;
    beforeEach(() => {
      store = current();
    });

    it('setMetaIfAbsent keeps the first value and answers it to every later caller', async () => {
      expect(await store.getMeta('hmac')).toBeNull();
      expect(await store.setMetaIfAbsent('hmac', 'first')).toBe('first');
      expect(await store.setMetaIfAbsent('hmac', 'second')).toBe('first');
      expect(await store.getMeta('hmac')).toBe('first');
      const racing = await Promise.all(['a', 'b', 'c'].map((v) => store.setMetaIfAbsent('seed', v)));
      expect(new Set(racing).size).toBe(1);
    });

    it('putMeta replaces a value, and creates the key when it is missing', async () => {
      await store.putMeta('overdueScan', '{"done":1}');
      expect(await store.getMeta('overdueScan')).toBe('{"done":1}');
      await store.putMeta('overdueScan', '{"done":2}');
      expect(await store.getMeta('overdueScan')).toBe('{"done":2}');
      expect(await store.setMetaIfAbsent('overdueScan', 'other')).toBe('{"done":2}');
    });

    it('deleteMeta removes a key, and removing an absent key is no error', async () => {
      await store.setMetaIfAbsent('tokenSecret', 'old');
      await store.deleteMeta('tokenSecret');
      expect(await store.getMeta('tokenSecret')).toBeNull();
      await expect(store.deleteMeta('never-set')).resolves.toBeUndefined();
      expect(await store.setMetaIfAbsent('tokenSecret', 'new')).toBe('new');
    });
  });
}
