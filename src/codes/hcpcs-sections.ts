export interface HcpcsSection {
  letter: string;
  name: string;
}

/**
 * HCPCS Level II codes by first letter, with the section names coders know
 * them by (CMS HCPCS Level II coding procedures). Letters the CMS file uses
 * for modifiers only (F, N, X, Z) are left out, and so is D: dental codes
 * are the ADA's CDT, which CMS leaves out of its file.
 */
export const HCPCS_SECTIONS: readonly HcpcsSection[] = [
  { letter: 'A', name: 'Transportation services, medical and surgical supplies, miscellaneous and investigational' },
  { letter: 'B', name: 'Enteral and parenteral therapy' },
  { letter: 'C', name: 'Outpatient prospective payment system (temporary codes)' },
  { letter: 'E', name: 'Durable medical equipment' },
  { letter: 'G', name: 'Procedures and professional services (temporary codes)' },
  { letter: 'H', name: 'Alcohol and drug abuse treatment services' },
  { letter: 'J', name: 'Drugs administered other than oral method, chemotherapy drugs' },
  { letter: 'K', name: 'Temporary codes for durable medical equipment' },
  { letter: 'L', name: 'Orthotic and prosthetic procedures and devices' },
  { letter: 'M', name: 'Medical services' },
  { letter: 'P', name: 'Pathology and laboratory services' },
  { letter: 'Q', name: 'Miscellaneous services (temporary codes)' },
  { letter: 'R', name: 'Diagnostic radiology services' },
  { letter: 'S', name: 'Temporary national codes (non-Medicare)' },
  { letter: 'T', name: 'National codes established for state Medicaid agencies' },
  { letter: 'U', name: 'Coronavirus laboratory tests' },
  { letter: 'V', name: 'Vision, hearing and speech-language pathology services' },
];
