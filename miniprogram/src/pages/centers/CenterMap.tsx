import { Map } from '@tarojs/components';
import type { CenterSummary } from '@shared/api.schema';
import { go } from '../../services/routes';

/** The WeChat map with one marker per center; a tap on a marker opens the center. */
export function CenterMap({ centers }: { centers: CenterSummary[] }) {
  if (!centers.length) return null;
  const markers = centers.map((c, i) => ({
    id: i,
    latitude: c.location.lat,
    longitude: c.location.lng,
    title: c.name,
    // empty iconPath: WeChat draws its default pin
    iconPath: '',
    width: 24,
    height: 34,
    callout: {
      content: c.name,
      display: 'BYCLICK' as const,
      padding: 6,
      borderRadius: 6,
      borderWidth: 0,
      borderColor: '#ffffff',
      anchorX: 0,
      anchorY: 0,
      fontSize: 14,
      color: '#1f2329',
      bgColor: '#ffffff',
      textAlign: 'center' as const,
    },
  }));
  return (
    <Map
      className="centers-map"
      latitude={centers[0].location.lat}
      longitude={centers[0].location.lng}
      scale={12}
      showLocation
      markers={markers}
      onMarkerTap={(e) => go.center(centers[Number(e.detail.markerId)]?.id ?? centers[0].id)}
      onError={() => undefined}
    />
  );
}
