/** Name pools: the company is Italian, its customers and partners international. */
export type Lang = 'it' | 'en';

export const FIRST_NAMES: Record<Lang, readonly string[]> = {
  it: [
    'Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Alessandro', 'Sara', 'Matteo', 'Elena', 'Davide',
    'Valentina', 'Andrea', 'Martina', 'Simone', 'Federica', 'Lorenzo', 'Silvia', 'Stefano', 'Alessia', 'Paolo',
    'Giorgia', 'Riccardo', 'Anna', 'Fabio', 'Laura', 'Roberto', 'Beatrice', 'Giovanni', 'Ilaria', 'Tommaso',
    'Marta', 'Emanuele', 'Camilla', 'Nicola', 'Serena', 'Gabriele', 'Alice', 'Filippo', 'Roberta', 'Daniele',
  ],
  en: [
    'Emma', 'James', 'Olivia', 'Oliver', 'Sophie', 'Harry', 'Charlotte', 'Jack', 'Amelia', 'George',
    'Emily', 'Thomas', 'Grace', 'William', 'Lucy', 'Daniel', 'Hannah', 'Samuel', 'Chloe', 'Benjamin',
    'Megan', 'Michael', 'Rachel', 'David', 'Laura', 'Ethan', 'Ava', 'Noah', 'Isla', 'Ryan',
  ],
};

export const LAST_NAMES: Record<Lang, readonly string[]> = {
  it: [
    'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
    'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti',
    'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone',
    'Longo', 'Gentile', 'Martinelli', 'Vitale', 'Serra', 'Coppola', 'De Santis', 'Marchetti', 'Villa', 'Fabbri',
  ],
  en: [
    'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
    'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke',
    'Miller', 'Murphy', 'Kelly', 'Hughes', 'Carter', 'Baker', 'Turner', 'Morgan', 'Cooper', 'Bennett',
  ],
};

export interface Place { city: string; country: string; lang: Lang }

export const ITALIAN_CITIES: readonly Place[] = [
  'Milano', 'Roma', 'Torino', 'Napoli', 'Bologna', 'Firenze', 'Verona', 'Genova', 'Bari', 'Palermo',
  'Padova', 'Brescia', 'Bergamo', 'Trieste', 'Parma', 'Lecce',
].map((city) => ({ city, country: 'IT', lang: 'it' as const }));

export const FOREIGN_CITIES: readonly Place[] = [
  ['London', 'GB'], ['Manchester', 'GB'], ['Edinburgh', 'GB'], ['Dublin', 'IE'], ['New York', 'US'],
  ['Boston', 'US'], ['Chicago', 'US'], ['Toronto', 'CA'], ['Sydney', 'AU'], ['Berlin', 'DE'],
  ['Munich', 'DE'], ['Amsterdam', 'NL'], ['Paris', 'FR'], ['Zurich', 'CH'], ['Vienna', 'AT'], ['Stockholm', 'SE'],
].map(([city, country]) => ({ city, country, lang: 'en' as const }));

/** Business customers: a venue pattern around a proper name, in the customer's language. */
export const BUSINESS_PATTERNS: Record<Lang, Record<'horeca' | 'office' | 'retail', readonly string[]>> = {
  it: {
    horeca: ['Bar {name}', 'Caffè {name}', 'Pasticceria {name}', 'Hotel {name}', 'Ristorante {name}', 'Trattoria {name}', 'Osteria {name}'],
    office: ['Studio {surname}', 'Coworking {name}', 'Agenzia {surname}', '{surname} & Partners'],
    retail: ['Bottega {name}', 'Emporio {name}', 'Drogheria {surname}', 'Market {name}'],
  },
  en: {
    horeca: ['{name} Café', '{name} Coffee House', 'The {name} Hotel', '{name} Bistro', '{name} Espresso Bar', '{surname}\'s Kitchen'],
    office: ['{surname} & Co Offices', '{name} Workspace', '{surname} Partners LLP', '{name} Studio'],
    retail: ['{name} Deli', '{surname} Fine Foods', '{name} Market', '{name} Kitchen Store'],
  },
};

export const VENUE_NAMES: Record<Lang, readonly string[]> = {
  it: ['Centrale', 'Roma', 'del Corso', 'Bellavista', 'Garibaldi', 'Duomo', 'della Piazza', 'Stazione', 'Vittoria', 'al Porto', 'San Marco', 'Dante'],
  en: ['Central', 'Riverside', 'Highgate', 'Camden', 'Harbour', 'Kingsway', 'Parkside', 'Old Town', 'Westend', 'Northgate', 'Greenwich', 'Bridge'],
};
