/**
 * Urban thanas of the Bhopal commissionerate with approximate coordinates, copied from
 * src/cli/demo/data/bhopal-units.csv (zones 1-3 published, zone 4 inferred; ±0.3-1.5 km).
 * Demo and benchmark data only: real units are admin-edited data, never code.
 */
export interface ThanaSeed {
  unit: string;
  zone: number;
  lat: number;
  lng: number;
}

const rows: [string, number, number, number][] = [
  ['TT Nagar', 1, 23.2345, 77.4],
  ['Kamla Nagar', 1, 23.219, 77.3915],
  ['Jahangirabad', 1, 23.252, 77.417],
  ['Aishbagh', 1, 23.2575, 77.4265],
  ['Habibganj', 1, 23.223, 77.432],
  ['Shahpura', 1, 23.195, 77.429],
  ['Ashoka Garden', 1, 23.253, 77.442],
  ['Ratibad', 1, 23.168, 77.337],
  ['Govindpura', 2, 23.242, 77.4545],
  ['MP Nagar', 2, 23.2325, 77.4285],
  ['Arera Hills', 2, 23.246, 77.3995],
  ['Ayodhya Nagar', 2, 23.264, 77.479],
  ['Misrod', 2, 23.176, 77.476],
  ['Katara Hills', 2, 23.1745, 77.456],
  ['Awadhpuri', 2, 23.234, 77.489],
  ['Piplani', 2, 23.245, 77.47],
  ['Kotwali', 3, 23.2625, 77.4025],
  ['Talaiya', 3, 23.258, 77.4],
  ['Shyamla Hills', 3, 23.247, 77.3955],
  ['Shahjahanabad', 3, 23.2665, 77.3955],
  ['Teela Jamalpura', 3, 23.274, 77.404],
  ['Koh-e-Fiza', 3, 23.2705, 77.383],
  ['Hanumanganj', 3, 23.269, 77.4095],
  ['Mangalwara', 3, 23.266, 77.406],
  ['Gautam Nagar', 3, 23.282, 77.401],
  ['Kolar', 4, 23.1648, 77.4189],
  ['Kajlikheda', 4, 23.145, 77.415],
  ['Chunabhatti', 4, 23.1995, 77.4045],
  ['Gandhi Nagar', 4, 23.299, 77.356],
  ['Bairagarh', 4, 23.266, 77.339],
  ['Khajuri Sadak', 4, 23.228, 77.272],
  ['Nishatpura', 4, 23.293, 77.417],
  ['Chhola Mandir', 4, 23.279, 77.423],
  ['Bajaria', 4, 23.27, 77.419],
  ['Bagsewaniya', 4, 23.196, 77.457],
];

export const BHOPAL_THANAS: ThanaSeed[] = rows.map(([name, zone, lat, lng]) => ({
  unit: name.toUpperCase().replace(/[^A-Z]+/g, '_'),
  zone,
  lat,
  lng,
}));
