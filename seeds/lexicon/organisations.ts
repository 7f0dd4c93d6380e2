/** Partner and supplier names and categories; a category follows from the index (i mod n), so lookups need no state. */
export const PARTNER_TYPES = ['distributor', 'service-centre', 'marketplace', 'installer', 'academy'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const PARTNER_PATTERNS: Record<PartnerType, { it: readonly string[]; en: readonly string[] }> = {
  distributor: { it: ['Distribuzione {surname} Srl', '{city} Caffè Forniture'], en: ['{surname} Coffee Distribution Ltd', '{city} Espresso Supplies'] },
  'service-centre': { it: ['Centro Assistenza {surname}', 'Tecnoservice {city}'], en: ['{city} Espresso Repairs', '{surname} Machine Service'] },
  marketplace: { it: ['CaffèShop Online', 'Casa & Cucina Online'], en: ['Espresso Market', 'BrewHub Marketplace'] },
  installer: { it: ['Installazioni {surname} Snc', '{surname} Impianti Srl'], en: ['{surname} Installations Ltd', '{city} Bar Fitters'] },
  academy: { it: ['Accademia del Caffè {city}', 'Scuola Baristi {surname}'], en: ['{city} Barista School', '{surname} Coffee Academy'] },
};

export const SUPPLIER_CATEGORIES = ['green-coffee', 'packaging', 'electronics', 'carrier', 'metal-parts'] as const;
export type SupplierCategory = (typeof SUPPLIER_CATEGORIES)[number];

/** The first suppliers of a category get these real-sounding names; later ones use the patterns. */
export const SUPPLIER_FIRST_NAMES: Record<SupplierCategory, readonly (readonly [string, string, string])[]> = {
  'green-coffee': [
    ['Santos Green Coffee Ltda', 'Santos', 'BR'], ['Sidamo Coffee Export PLC', 'Addis Ababa', 'ET'],
    ['Huila Café SAS', 'Neiva', 'CO'], ['Kerala Estates Pvt Ltd', 'Kochi', 'IN'], ['Antigua Beans SA', 'Antigua', 'GT'],
  ],
  packaging: [['Imballaggi Lombardi Srl', 'Bergamo', 'IT'], ['Cartotecnica Veneta Spa', 'Vicenza', 'IT']],
  electronics: [['Elettronica Brianza Srl', 'Monza', 'IT'], ['Rhein Components GmbH', 'Köln', 'DE']],
  carrier: [
    ['Corriere Rapido Italia S.p.A.', 'Milano', 'IT'], ['EuroParcel Express', 'Amsterdam', 'NL'],
    ['TransAlpi Logistica Srl', 'Verona', 'IT'], ['BlueLine Freight Ltd', 'London', 'GB'],
  ],
  'metal-parts': [['Metalli Valtrompia Srl', 'Brescia', 'IT'], ['Fonderia Emiliana Spa', 'Modena', 'IT']],
};

export const SUPPLIER_PATTERNS: Record<SupplierCategory, readonly string[]> = {
  'green-coffee': ['{surname} Coffee Trading', 'Importazioni Caffè {surname}'],
  packaging: ['Imballaggi {surname} Srl', 'Cartotecnica {city}'],
  electronics: ['Elettronica {surname} Srl', '{surname} Components GmbH'],
  carrier: ['{surname} Trasporti Srl', '{city} Express Logistics'],
  'metal-parts': ['Metalli {surname} Srl', 'Fonderia {city}'],
};

/** What the company sells; signal texts mention these so topic extraction has names to find. */
export const MACHINES = ['Aurora Uno', 'Aurora Duo', 'Aurora Pro X', 'Macina M2'] as const;
export const COFFEES = ['Miscela Oro', 'Miscela Classica', 'Miscela Intensa', 'Miscela Notte', 'Miscela Sidamo'] as const;
