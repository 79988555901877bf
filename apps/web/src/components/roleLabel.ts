/** Display names of the record roles (the table's Type badge). */
export const ROLE_LABEL = { original: 'Original', retrained: 'Retrained', unlearned: 'Unlearned' } as const;
