/**
 * Links to material photos, asked from `files.tempUrls`: a photo is never public, so every
 * build shows it through a short-lived link the server hands out after its access check
 * (a signed gateway link in the browser, a cloud storage temporary URL on WeChat).
 */
import { useEffect, useState } from 'react';
import { call } from '../services/api';

const BATCH = 20;

/** The links of the photos the caller may see, by file id; a photo they may not see has none. */
export const usePhotoLinks = (fileIds: readonly string[]): Record<string, string> => {
  const [links, setLinks] = useState<Record<string, string>>({});
  const key = [...new Set(fileIds)].sort().join('\n');
  useEffect(() => {
    const ids = key ? key.split('\n') : [];
    let live = true;
    void (async () => {
      const found: Record<string, string> = {};
      for (let i = 0; i < ids.length; i += BATCH) {
        const a = await call('files', 'tempUrls', { fileIds: ids.slice(i, i + BATCH) }, { toast: false, loading: false });
        if (a.ok) Object.assign(found, a.data.urls);
      }
      if (live) setLinks(found);
    })();
    return () => void (live = false);
  }, [key]);
  return links;
};
