// Word lists for organizations and their addresses. "Globex" and "Analytical" are deliberately
// absent so the fixture organizations stay unique.

export interface City {
  name: string;
  country: string;
  /** Dialling prefix including an area code, so generated numbers look local. */
  dial: string;
  streets: StreetStyle;
  postcode: string;
}

export type StreetStyle = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'nordic' | 'pt' | 'intl';

// Street name first ("Hauptstraße 12") or number first ("12 High Street") follows local custom.
export const NUMBER_FIRST: ReadonlySet<StreetStyle> = new Set(['en', 'fr', 'intl']);

// biome-ignore format: a table is easier to scan one city per line
export const CITIES: readonly City[] = [
  { name: 'London', country: 'United Kingdom', dial: '+44 20', streets: 'en', postcode: 'EC2A 4NE' },
  { name: 'Manchester', country: 'United Kingdom', dial: '+44 161', streets: 'en', postcode: 'M1 2WD' },
  { name: 'Dublin', country: 'Ireland', dial: '+353 1', streets: 'en', postcode: 'D02 X285' },
  { name: 'New York', country: 'United States', dial: '+1 212', streets: 'en', postcode: 'NY 10013' },
  { name: 'Austin', country: 'United States', dial: '+1 512', streets: 'en', postcode: 'TX 78701' },
  { name: 'Toronto', country: 'Canada', dial: '+1 416', streets: 'en', postcode: 'ON M5V 2T6' },
  { name: 'Berlin', country: 'Germany', dial: '+49 30', streets: 'de', postcode: '10115' },
  { name: 'Munich', country: 'Germany', dial: '+49 89', streets: 'de', postcode: '80331' },
  { name: 'Hamburg', country: 'Germany', dial: '+49 40', streets: 'de', postcode: '20095' },
  { name: 'Vienna', country: 'Austria', dial: '+43 1', streets: 'de', postcode: '1010' },
  { name: 'Zurich', country: 'Switzerland', dial: '+41 44', streets: 'de', postcode: '8001' },
  { name: 'Paris', country: 'France', dial: '+33 1', streets: 'fr', postcode: '75002' },
  { name: 'Lyon', country: 'France', dial: '+33 4', streets: 'fr', postcode: '69002' },
  { name: 'Madrid', country: 'Spain', dial: '+34 91', streets: 'es', postcode: '28013' },
  { name: 'Barcelona', country: 'Spain', dial: '+34 93', streets: 'es', postcode: '08002' },
  { name: 'Lisbon', country: 'Portugal', dial: '+351 21', streets: 'pt', postcode: '1100-148' },
  { name: 'São Paulo', country: 'Brazil', dial: '+55 11', streets: 'pt', postcode: '01310-100' },
  { name: 'Milan', country: 'Italy', dial: '+39 02', streets: 'it', postcode: '20121' },
  { name: 'Rome', country: 'Italy', dial: '+39 06', streets: 'it', postcode: '00186' },
  { name: 'Amsterdam', country: 'Netherlands', dial: '+31 20', streets: 'nl', postcode: '1012 JS' },
  { name: 'Rotterdam', country: 'Netherlands', dial: '+31 10', streets: 'nl', postcode: '3011 AD' },
  { name: 'Stockholm', country: 'Sweden', dial: '+46 8', streets: 'nordic', postcode: '111 52' },
  { name: 'Copenhagen', country: 'Denmark', dial: '+45 33', streets: 'nordic', postcode: '1620' },
  { name: 'Oslo', country: 'Norway', dial: '+47 22', streets: 'nordic', postcode: '0150' },
  { name: 'Helsinki', country: 'Finland', dial: '+358 9', streets: 'nordic', postcode: '00100' },
  { name: 'Tallinn', country: 'Estonia', dial: '+372 6', streets: 'intl', postcode: '10111' },
  { name: 'Warsaw', country: 'Poland', dial: '+48 22', streets: 'intl', postcode: '00-001' },
  { name: 'Prague', country: 'Czechia', dial: '+420 2', streets: 'intl', postcode: '110 00' },
  { name: 'Tokyo', country: 'Japan', dial: '+81 3', streets: 'intl', postcode: '100-0005' },
  { name: 'Singapore', country: 'Singapore', dial: '+65 6', streets: 'intl', postcode: '018956' },
  { name: 'Sydney', country: 'Australia', dial: '+61 2', streets: 'en', postcode: 'NSW 2000' },
  { name: 'Bengaluru', country: 'India', dial: '+91 80', streets: 'intl', postcode: '560001' },
  { name: 'Lagos', country: 'Nigeria', dial: '+234 1', streets: 'intl', postcode: '101241' },
  { name: 'Nairobi', country: 'Kenya', dial: '+254 20', streets: 'intl', postcode: '00100' },
  { name: 'Cape Town', country: 'South Africa', dial: '+27 21', streets: 'en', postcode: '8001' },
  { name: 'Mexico City', country: 'Mexico', dial: '+52 55', streets: 'es', postcode: '06600' },
  { name: 'Istanbul', country: 'Türkiye', dial: '+90 212', streets: 'intl', postcode: '34394' },
  { name: 'Dubai', country: 'United Arab Emirates', dial: '+971 4', streets: 'intl', postcode: '00000' },
];

// biome-ignore format: grouped by local custom
export const STREETS: Record<StreetStyle, readonly string[]> = {
  en: ['High Street', 'Station Road', 'Market Street', 'Harbour Road', 'Church Lane', 'Victoria Avenue', 'Mill Lane', 'King Street'],
  de: ['Hauptstraße', 'Bahnhofstraße', 'Schillerstraße', 'Lindenallee', 'Gartenweg', 'Marktplatz'],
  fr: ['rue de la République', 'avenue Victor Hugo', 'rue du Commerce', 'boulevard Voltaire', 'quai des Marchands'],
  es: ['Calle Mayor', 'Avenida de la Constitución', 'Calle del Sol', 'Paseo del Prado', 'Calle Real'],
  it: ['Via Roma', 'Corso Italia', 'Via Garibaldi', 'Via Dante', 'Piazza del Mercato'],
  nl: ['Keizersgracht', 'Stationsweg', 'Dorpsstraat', 'Havenkade', 'Kerkstraat'],
  nordic: ['Storgatan', 'Kungsgatan', 'Strandvejen', 'Havnegade', 'Esplanadi'],
  pt: ['Rua Augusta', 'Avenida da Liberdade', 'Rua do Comércio', 'Avenida Paulista'],
  intl: ['Central Avenue', 'Business Park Road', 'Harbour Boulevard', 'Innovation Drive', 'Trade Centre Street'],
};

// biome-ignore format: long word lists
export const ORG_PREFIXES: readonly string[] = [
  'Bright', 'Silver', 'North', 'Blue', 'Red', 'Green', 'Iron', 'Golden', 'Clear', 'Swift', 'Stone', 'River',
  'Oak', 'Pine', 'Sun', 'Star', 'Cedar', 'Maple', 'Harbor', 'Summit', 'Nova', 'Apex', 'Atlas', 'Polar',
  'Urban', 'Vivid', 'True', 'Prime', 'Pioneer', 'Crystal', 'Evergreen', 'Falcon', 'Granite', 'Horizon',
  'Lumen', 'Meridian', 'Orbit', 'Quantum', 'Sterling', 'Terra', 'Vertex', 'Willow', 'Zephyr', 'Aurora',
  'Beacon', 'Copper', 'Delta', 'Ember', 'Fjord', 'Harvest',
];

// biome-ignore format: long word lists
export const ORG_ROOTS: readonly string[] = [
  'wave', 'stone', 'field', 'bridge', 'point', 'works', 'line', 'peak', 'gate', 'light', 'wood', 'brook',
  'path', 'forge', 'leaf', 'crest', 'way', 'mark', 'shore', 'view', 'haven', 'core', 'spring', 'ridge',
  'dale', 'vale', 'port', 'bay', 'rock', 'sky',
];

// biome-ignore format: long word lists
export const ORG_INDUSTRIES: readonly string[] = [
  'Logistics', 'Studio', 'Solutions', 'Consulting', 'Labs', 'Analytics', 'Foods', 'Energy', 'Systems',
  'Partners', 'Group', 'Trading', 'Manufacturing', 'Media', 'Health', 'Design', 'Software', 'Freight',
  'Robotics', 'Holdings', 'Ventures', 'Interiors', 'Textiles', 'Pharma', 'Marine', 'Bakery', 'Architects',
  'Legal', 'Capital', 'Coffee',
];

/** Legal forms are not part of the brand, so they are left out of the generated web domain. */
// biome-ignore format: long word lists
export const LEGAL_FORMS: readonly string[] = [
  'GmbH', 'Ltd', 'AG', 'BV', 'Oy', 'SAS', 'S.L.', 'Inc.', 'LLC', 'AB', 'Co.', 'S.p.A.', 'Pty Ltd', 'ApS',
];

export const FREE_MAIL_DOMAINS: readonly string[] = ['mailbox.example', 'inbox.example', 'postbox.example'];
