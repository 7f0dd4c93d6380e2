/**
 * What signals talk about. Each topic has an owning team function and a process, and phrases in
 * Italian and English written neutrally, so one phrase fits a customer's email and a colleague's
 * intranet post. Slots: {machine} {coffee} {order} {days} {weeks} {amount}.
 */
import type { Lang } from './names.js';
import type { TeamFn } from './teams.js';

export interface Phrases {
  /** What went wrong, as a clause: "the courier never showed up". */
  problems: readonly string[];
  /** What someone wants to do, as an infinitive: "track the shipment". */
  actions: readonly string[];
  /** A suggestion, as a full clause. */
  ideas: readonly string[];
  /** What went well, as a clause. */
  praises: readonly string[];
  /** The topic as a noun phrase, for responses. */
  noun: string;
}

export interface TopicDef {
  name: string;
  owner: TeamFn;
  process: string;
  /** Raised by employees only. */
  internal?: boolean;
  it: Phrases;
  en: Phrases;
}

export const TOPICS: readonly TopicDef[] = [
  {
    name: 'delivery', owner: 'logistics', process: 'Delivery scheduling',
    it: {
      noun: 'la consegna',
      problems: ["la consegna dell'ordine {order} è arrivata con {days} giorni di ritardo", 'il corriere non si è presentato nella fascia oraria concordata', 'il pacco con la {machine} è arrivato danneggiato', 'il tracking della spedizione è fermo da {days} giorni'],
      actions: ["cambiare l'indirizzo di consegna", "tracciare la spedizione dell'ordine {order}", 'scegliere una fascia oraria di consegna'],
      ideas: ['sarebbe utile poter scegliere la fascia oraria di consegna', "un SMS prima dell'arrivo del corriere eviterebbe consegne mancate", 'si potrebbero ritirare gli ordini in un punto di ritiro'],
      praises: ['la consegna è arrivata in anticipo', 'il corriere è stato gentilissimo e puntuale'],
    },
    en: {
      noun: 'the delivery',
      problems: ['order {order} arrived {days} days late', 'the courier never showed up in the agreed time slot', 'the parcel with the {machine} arrived damaged', 'shipment tracking has not moved for {days} days'],
      actions: ['change the delivery address', 'track the shipment of order {order}', 'choose a delivery time slot'],
      ideas: ['it would help to choose the delivery time slot', 'a text message before the courier arrives would avoid missed deliveries', 'orders could be collected at pick-up points'],
      praises: ['the delivery arrived early', 'the courier was kind and right on time'],
    },
  },
  {
    name: 'returns', owner: 'customer-care', process: 'Returns handling',
    it: {
      noun: 'il reso',
      problems: ['il rimborso del reso {order} non è arrivato dopo {weeks} settimane', "l'etichetta per il reso non si trova da nessuna parte", 'il reso della {machine} è stato rifiutato senza spiegazioni'],
      actions: ['restituire la {machine}', 'conoscere lo stato del rimborso del reso {order}', "stampare l'etichetta del reso"],
      ideas: ["l'etichetta di reso potrebbe essere già nella scatola", 'il rimborso potrebbe partire appena il corriere ritira il pacco'],
      praises: ['il reso è stato semplicissimo', 'il rimborso è arrivato in due giorni'],
    },
    en: {
      noun: 'your return',
      problems: ['the refund for return {order} has not arrived after {weeks} weeks', 'the return label is nowhere to be found', 'the return of the {machine} was rejected without explanation'],
      actions: ['return the {machine}', 'check the refund status of return {order}', 'print the return label'],
      ideas: ['the return label could already be in the box', 'refunds could start as soon as the courier picks up the parcel'],
      praises: ['the return was super easy', 'the refund came through in two days'],
    },
  },
  {
    name: 'billing', owner: 'finance', process: 'Invoicing',
    it: {
      noun: 'la fatturazione',
      problems: ["in fattura l'abbonamento è stato addebitato due volte", 'la fattura elettronica non è mai arrivata allo SDI', "l'importo di {amount} euro in fattura non corrisponde all'ordine {order}"],
      actions: ["scaricare la fattura dell'ordine {order}", 'cambiare la partita IVA in fattura', 'pagare con bonifico'],
      ideas: ['sarebbe utile ricevere un unico riepilogo mensile delle fatture', 'il portale potrebbe mostrare lo storico dei pagamenti'],
      praises: ['le fatture sono chiare e arrivano subito', 'il pagamento a 60 giorni ci aiuta molto'],
    },
    en: {
      noun: 'billing',
      problems: ['the subscription was charged twice on the invoice', 'the electronic invoice never reached us', 'the invoice amount of {amount} EUR does not match order {order}'],
      actions: ['download the invoice for order {order}', 'change the VAT number on the invoice', 'pay by bank transfer'],
      ideas: ['a single monthly statement would be easier than many invoices', 'the portal could show the payment history'],
      praises: ['invoices are clear and arrive immediately', 'the 60-day payment terms really help us'],
    },
  },
  {
    name: 'warranty', owner: 'customer-care', process: 'Warranty repair',
    it: {
      noun: "l'assistenza in garanzia",
      problems: ['la {machine} in riparazione da {weeks} settimane non è ancora tornata', 'la pompa della {machine} si è rotta dopo la decalcificazione', 'la {machine} perde acqua ed è ancora in garanzia'],
      actions: ['aprire una richiesta di assistenza in garanzia per la {machine}', 'trovare un centro assistenza vicino', 'decalcificare la {machine}'],
      ideas: ['durante la riparazione si potrebbe dare una macchina sostitutiva', 'un video tutorial sulla decalcificazione sarebbe utile'],
      praises: ['la {machine} è tornata dalla riparazione come nuova', 'il tecnico ha risolto il problema in un giorno'],
    },
    en: {
      noun: 'the warranty service',
      problems: ['the {machine} has been in repair for {weeks} weeks', 'the pump of the {machine} broke after descaling', 'the {machine} is leaking water and is still under warranty'],
      actions: ['open a warranty claim for the {machine}', 'find a service centre nearby', 'descale the {machine}'],
      ideas: ['a loan machine during repairs would be great', 'a video tutorial on descaling would help'],
      praises: ['the {machine} came back from repair like new', 'the technician fixed the problem in a day'],
    },
  },
  {
    name: 'coffee', owner: 'customer-care', process: 'Quality control',
    it: {
      noun: 'il caffè',
      problems: ["la {coffee} dell'ultimo lotto sa di bruciato", 'diverse capsule di {coffee} erano rotte nella confezione', 'la {coffee} è molto più amara di prima'],
      actions: ['sapere da dove viene la {coffee}', 'ordinare la {coffee} in grani'],
      ideas: ['una confezione assaggio con tutte le miscele sarebbe perfetta', 'si potrebbe proporre una miscela stagionale'],
      praises: ['la {coffee} è buonissima', 'la crema della {coffee} è perfetta'],
    },
    en: {
      noun: 'the coffee',
      problems: ['the latest batch of {coffee} tastes burnt', 'several {coffee} capsules were broken in the box', '{coffee} is much more bitter than before'],
      actions: ['find out where {coffee} comes from', 'order {coffee} as whole beans'],
      ideas: ['a tasting box with every blend would be perfect', 'a seasonal blend would be fun'],
      praises: ['{coffee} is delicious', 'the crema on {coffee} is perfect'],
    },
  },
  {
    name: 'app', owner: 'it', process: 'App release',
    it: {
      noun: "l'app",
      problems: ["dopo l'aggiornamento l'app non trova più la {machine}", "l'app si chiude quando si riordinano le capsule", "l'app non salva le ricette personalizzate"],
      actions: ["collegare la {machine} all'app", "riordinare le capsule dall'app", 'aggiornare il firmware della {machine}'],
      ideas: ["l'app potrebbe riordinare le capsule con un solo tocco", "un promemoria per la decalcificazione nell'app sarebbe comodo"],
      praises: ['la nuova app è velocissima', "preparare il caffè dall'app è fantastico"],
    },
    en: {
      noun: 'the app',
      problems: ['after the update the app no longer finds the {machine}', 'the app crashes when reordering capsules', 'the app does not save custom recipes'],
      actions: ['pair the {machine} with the app', 'reorder capsules from the app', 'update the firmware of the {machine}'],
      ideas: ['the app could reorder capsules with a single tap', 'a descaling reminder in the app would be handy'],
      praises: ['the new app is really fast', 'brewing from the app is amazing'],
    },
  },
  {
    name: 'subscription', owner: 'sales', process: 'Subscription management',
    it: {
      noun: "l'abbonamento",
      problems: ["mettere in pausa l'abbonamento è complicatissimo", "l'aumento del prezzo dell'abbonamento non è stato comunicato", "le capsule dell'abbonamento arrivano prima che finiscano le vecchie"],
      actions: ["sospendere l'abbonamento per un mese", "cambiare la miscela dell'abbonamento", "disdire l'abbonamento"],
      ideas: ["si potrebbe saltare una consegna dell'abbonamento con un clic", "l'abbonamento potrebbe adattarsi ai consumi reali"],
      praises: ["l'abbonamento è comodissimo", "con l'abbonamento non si resta mai senza caffè"],
    },
    en: {
      noun: 'your subscription',
      problems: ['pausing the subscription is far too complicated', 'the subscription price increase was never communicated', 'subscription capsules arrive before the old ones run out'],
      actions: ['pause the subscription for a month', 'change the blend in the subscription', 'cancel the subscription'],
      ideas: ['skipping a subscription delivery should take one click', 'the subscription could adapt to actual consumption'],
      praises: ['the subscription is really convenient', 'thanks to the subscription we never run out of coffee'],
    },
  },
  {
    name: 'pricing', owner: 'sales', process: 'Price list',
    it: {
      noun: 'i prezzi',
      problems: ['su un marketplace la {coffee} costa il 20% in meno', 'il listino HoReCa è aumentato senza preavviso', 'le spese di spedizione sono troppo alte per ordini sotto i {amount} euro'],
      actions: ['avere il listino HoReCa aggiornato', 'ottenere uno sconto per ordini ricorrenti'],
      ideas: ['uno sconto fedeltà per i bar che ordinano ogni mese sarebbe apprezzato', 'la spedizione gratuita potrebbe partire da una soglia più bassa'],
      praises: ['il rapporto qualità prezzo è ottimo', 'lo sconto per i clienti storici è molto apprezzato'],
    },
    en: {
      noun: 'pricing',
      problems: ['{coffee} is 20% cheaper on a marketplace', 'the HoReCa price list went up without notice', 'shipping costs are too high for orders under {amount} EUR'],
      actions: ['get the updated HoReCa price list', 'get a discount for recurring orders'],
      ideas: ['a loyalty discount for cafés ordering every month would help', 'free shipping could start at a lower threshold'],
      praises: ['great value for money', 'the discount for long-time customers is much appreciated'],
    },
  },
  {
    name: 'onboarding', owner: 'partnerships', process: 'Onboarding',
    it: {
      noun: "l'attivazione",
      problems: ["l'installazione della {machine} nel locale è attesa da {weeks} settimane", 'i nuovi partner non ricevono il materiale formativo sulla {machine}', "l'attivazione del contratto richiede troppi documenti"],
      actions: ["prenotare l'installazione della {machine}", 'accedere al portale partner', 'ricevere il materiale formativo'],
      ideas: ['un kit di benvenuto per i nuovi clienti business sarebbe utile', 'un corso online per i baristi dei partner farebbe la differenza'],
      praises: ["l'installazione è stata rapida e precisa", 'il corso per baristi è stato utilissimo'],
    },
    en: {
      noun: 'onboarding',
      problems: ['the installation of the {machine} has been pending for {weeks} weeks', 'new partners never receive training material on the {machine}', 'activating the contract requires far too much paperwork'],
      actions: ['book the installation of the {machine}', 'access the partner portal', 'get the training material'],
      ideas: ['a welcome kit for new business customers would help', 'an online course for partner baristas would make a difference'],
      praises: ['the installation was fast and precise', 'the barista course was extremely useful'],
    },
  },
  {
    name: 'sustainability', owner: 'marketing', process: 'Packaging',
    it: {
      noun: 'la sostenibilità',
      problems: ['le capsule di plastica non si possono riciclare', 'la confezione della {machine} contiene troppo polistirolo'],
      actions: ['riciclare le capsule usate', 'sapere se le capsule sono compostabili'],
      ideas: ['capsule compostabili sarebbero un grande passo avanti', 'un programma di ritiro delle capsule usate nei negozi sarebbe utile'],
      praises: ['la nuova confezione in carta è bellissima', 'il caffè da filiera certificata è un bel segnale'],
    },
    en: {
      noun: 'sustainability',
      problems: ['plastic capsules cannot be recycled', 'the {machine} box is full of polystyrene'],
      actions: ['recycle used capsules', 'find out whether the capsules are compostable'],
      ideas: ['compostable capsules would be a big step forward', 'a take-back programme for used capsules in stores would be great'],
      praises: ['the new paper packaging looks great', 'the certified supply chain is a great sign'],
    },
  },
  {
    name: 'workplace', owner: 'hr', process: 'Employee onboarding', internal: true,
    it: {
      noun: "l'ambiente di lavoro",
      problems: ['i nuovi assunti non sanno a chi rivolgersi nelle prime settimane', 'i turni del magazzino vengono comunicati all\'ultimo momento', 'ogni team tiene le segnalazioni dei clienti in un file diverso'],
      actions: ['richiedere un giorno di smart working', 'iscriversi al corso di formazione sul caffè', 'vedere le segnalazioni dei clienti degli altri team'],
      ideas: ['un programma di affiancamento per i nuovi assunti aiuterebbe molto', 'una bacheca unica delle segnalazioni dei clienti per tutti i team sarebbe utile'],
      praises: ['il corso di formazione sul caffè è stato ottimo', 'la nuova mensa aziendale è un grande miglioramento'],
    },
    en: {
      noun: 'our workplace',
      problems: ['new hires do not know whom to ask in their first weeks', 'warehouse shifts are announced at the last minute', 'every team keeps customer issues in a different spreadsheet'],
      actions: ['request a remote working day', 'sign up for the coffee training course', 'see customer issues raised with other teams'],
      ideas: ['a buddy programme for new hires would help a lot', 'a single board of customer issues shared by every team would help'],
      praises: ['the coffee training course was excellent', 'the new canteen is a big improvement'],
    },
  },
];

export const topicByName = (name: string): TopicDef => {
  const t = TOPICS.find((x) => x.name === name);
  if (!t) throw new Error(`unknown topic ${name}`);
  return t;
};

export const phrasesOf = (topic: TopicDef, lang: Lang): Phrases => topic[lang];
