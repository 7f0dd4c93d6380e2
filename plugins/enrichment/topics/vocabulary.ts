/**
 * Osmosis Enrichment: the default topic vocabulary
 * ================================================
 *
 * What customers, partners, suppliers and colleagues of a company that sells and services products
 * write about, as topic names with Italian and English synonyms (words or phrases; matched after
 * lower-casing, stop-word removal and light stemming, so `consegna` also finds `consegne` and
 * `parcel` finds `parcels`). The names are those the demo ecosystem and its insights use
 * (seeds/lexicon/topics.ts, seeds/story.ts): broad topics first (`delivery`, `billing`…), then the
 * narrower ones insights name (`courier`, `refund`, `double charge`…). A name counts only when it
 * is listed among its synonyms (or there are none). A synonym may belong to
 * several topics; a longer phrase wins over the words inside it (`spese di spedizione` is pricing,
 * not delivery). Replace it with the plugin's `topics` option.
 */

/** A topic and the words or phrases that name it, in any language. */
export interface TopicDefinition {
  /** The topic's name, as stored (`Topic.name`). */
  readonly name: string;
  /** Words or phrases that mean it; none: the name itself (list the name too when it should count). */
  readonly synonyms: readonly string[];
}

export const DEFAULT_VOCABULARY: readonly TopicDefinition[] = Object.freeze([
  // Broad topics.
  { name: 'delivery', synonyms: [
    'consegna', 'corriere', 'spedizione', 'pacco', 'tracking', 'tracciare', 'tracciamento', 'fascia oraria', 'punto di ritiro',
    'giorni di ritardo', 'delivery', 'deliveries', 'courier', 'shipment', 'parcel', 'package', 'time slot', 'pick-up point',
    'delivered', 'days late', 'arrived late',
  ] },
  { name: 'returns', synonyms: [
    'reso', 'resi', 'restituire', 'restituzione', 'rimborso', 'etichetta reso',
    'return', 'returned', 'refund', 'return label', 'send back',
  ] },
  { name: 'billing', synonyms: [
    'fattura', 'fatturazione', 'addebitato', 'addebito', 'pagamento', 'bonifico', 'partita iva', 'importo', 'fattura elettronica',
    'addebitato due volte', 'invoice', 'invoicing', 'billing', 'charged', 'payment', 'bank transfer', 'vat number', 'statement',
    'electronic invoice', 'charged twice',
  ] },
  { name: 'warranty', synonyms: [
    'garanzia', 'riparazione', 'centro assistenza', 'tecnico', 'assistenza in garanzia', 'macchina sostitutiva', 'decalcificazione',
    'decalcificare', 'warranty', 'repair', 'repairs', 'service centre', 'technician', 'warranty claim', 'loan machine', 'descaling',
    'descale',
  ] },
  { name: 'coffee', synonyms: [
    'caffè', 'miscela', 'crema', 'grani', 'lotto', 'confezione assaggio',
    'coffee', 'blend', 'crema', 'whole beans', 'batch', 'tasting box', 'roast',
  ] },
  { name: 'app', synonyms: [
    'app', 'applicazione', 'aggiornamento', 'firmware', 'ricette personalizzate',
    'application', 'update', 'firmware', 'custom recipes', 'single tap',
  ] },
  { name: 'subscription', synonyms: ['abbonamento', 'disdire', 'subscription', 'subscriptions'] },
  { name: 'pricing', synonyms: [
    'prezzo', 'prezzi', 'listino', 'sconto', 'costa', 'spese di spedizione', 'rapporto qualità prezzo', 'spedizione gratuita',
    'price', 'pricing', 'price list', 'discount', 'cheaper', 'shipping costs', 'value for money', 'free shipping',
  ] },
  { name: 'onboarding', synonyms: [
    'installazione', 'attivazione', 'materiale formativo', 'portale partner', 'kit di benvenuto', 'contratto', 'baristi',
    'onboarding', 'installation', 'activating', 'activation', 'training material', 'partner portal', 'welcome kit', 'contract',
    'baristas', 'barista course',
  ] },
  { name: 'sustainability', synonyms: [
    'sostenibilità', 'riciclare', 'riciclo', 'compostabili', 'plastica', 'polistirolo', 'confezione in carta', 'filiera certificata',
    'sustainability', 'recycle', 'recycled', 'compostable', 'plastic', 'polystyrene', 'paper packaging', 'supply chain',
    'take-back', 'capsule usate', 'used capsules', 'programma di ritiro',
  ] },
  { name: 'workplace', synonyms: [
    'nuovi assunti', 'turni', 'smart working', 'mensa', 'affiancamento', 'formazione sul caffè', 'segnalazioni dei clienti',
    'workplace', 'new hires', 'shifts', 'remote working', 'canteen', 'buddy programme', 'coffee training', 'customer issues',
  ] },
  // Narrower topics, as the demo's insights name them.
  { name: 'courier', synonyms: ['corriere', 'courier'] },
  { name: 'time slot', synonyms: ['fascia oraria', 'time slot'] },
  { name: 'tracking', synonyms: ['tracking', 'tracciare', 'tracciamento'] },
  { name: 'damaged parcel', synonyms: ['pacco danneggiato', 'arrivato danneggiato', 'arrived damaged'] },
  { name: 'refund', synonyms: ['rimborso', 'refund', 'refunds'] },
  { name: 'return label', synonyms: ['etichetta reso', 'return label'] },
  { name: 'double charge', synonyms: ['addebitato due volte', 'charged twice'] },
  { name: 'electronic invoice', synonyms: ['fattura elettronica', 'electronic invoice'] },
  { name: 'descaling', synonyms: ['decalcificazione', 'decalcificare', 'descaling', 'descale'] },
  { name: 'pairing', synonyms: ['collegare', 'non trova più', 'pair', 'pairing', 'no longer finds'] },
  { name: 'reorder', synonyms: ['riordinare', 'riordinano', 'riordino', 'reorder', 'reordering'] },
  // Not `pause` alone: its Italian stem would find `pausa` (a coffee break).
  { name: 'pause', synonyms: ['mettere in pausa', 'sospendere', 'saltare una consegna', 'pause the subscription', 'pausing', 'skipping'] },
  { name: 'price increase', synonyms: ['aumento del prezzo', 'price increase'] },
  { name: 'marketplace', synonyms: ['marketplace'] },
  { name: 'installation', synonyms: ['installazione', 'installation'] },
  { name: 'training', synonyms: ['formazione', 'formativo', 'corso', 'training', 'course'] },
  { name: 'capsules', synonyms: ['capsule', 'capsules'] },
  { name: 'employee onboarding', synonyms: ['nuovi assunti', 'affiancamento', 'new hires', 'buddy programme'] },
]);
