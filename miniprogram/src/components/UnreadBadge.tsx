import { Text } from '@tarojs/components';
import { badgeText } from '../hooks/useUnread';

/** A red unread count beside a link or button; nothing when all is read. */
export function UnreadBadge({ count }: { count: number }) {
  return count > 0 ? (
    <Text className="zc-badge" aria-label={`${count}条未读`}>
      {badgeText(count)}
    </Text>
  ) : null;
}
