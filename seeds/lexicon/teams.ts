/** The company's functions. A world has one team per function, or several (one per site) when large. */
export type TeamFn =
  | 'customer-care' | 'sales' | 'logistics' | 'rnd' | 'marketing'
  | 'finance' | 'hr' | 'procurement' | 'it' | 'partnerships';

export interface TeamFnDef {
  fn: TeamFn;
  name: string;
  /** Relative headcount. */
  weight: number;
  title: string;
  leadTitle: string;
}

export const TEAM_FUNCTIONS: readonly TeamFnDef[] = [
  { fn: 'customer-care', name: 'Customer Care', weight: 20, title: 'Customer Care Specialist', leadTitle: 'Head of Customer Care' },
  { fn: 'sales', name: 'Sales', weight: 16, title: 'Account Manager', leadTitle: 'Sales Director' },
  { fn: 'logistics', name: 'Logistics', weight: 14, title: 'Logistics Coordinator', leadTitle: 'Logistics Manager' },
  { fn: 'rnd', name: 'R&D', weight: 14, title: 'R&D Engineer', leadTitle: 'Head of R&D' },
  { fn: 'marketing', name: 'Marketing', weight: 10, title: 'Marketing Specialist', leadTitle: 'Marketing Manager' },
  { fn: 'finance', name: 'Finance', weight: 8, title: 'Accountant', leadTitle: 'CFO' },
  { fn: 'hr', name: 'HR', weight: 6, title: 'HR Business Partner', leadTitle: 'HR Director' },
  { fn: 'procurement', name: 'Procurement', weight: 8, title: 'Buyer', leadTitle: 'Procurement Manager' },
  { fn: 'it', name: 'IT', weight: 12, title: 'Software Engineer', leadTitle: 'CIO' },
  { fn: 'partnerships', name: 'Partnerships', weight: 8, title: 'Partner Manager', leadTitle: 'Head of Partnerships' },
];

/** Sites that suffix team names once there are more teams than functions. */
export const SITES = ['Milano', 'Torino', 'Verona', 'Roma', 'Napoli', 'Bologna', 'London', 'München', 'Paris', 'Madrid'] as const;

export const fnDef = (fn: TeamFn): TeamFnDef => TEAM_FUNCTIONS.find((d) => d.fn === fn)!;
