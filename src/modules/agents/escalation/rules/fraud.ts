import type { KindRules } from '../rule.js';

export const fraud: KindRules = {
  kind: 'fraud',
  namedInPolicyQuestions: true,
  rules: {
    en: [
      {
        pattern:
          /\b(fraud(ulent)?|embezzl\w*|kickbacks?|brib(e|es|ed|ery|ing)|money laundering|insider trading|cook(ing)? the books)\b/,
        example: 'our regional manager takes kickbacks from the cleaning contractor',
        counterExample: 'how do I report fraud if I ever see it?',
      },
      {
        pattern:
          /\b(falsif\w*|fake|forg(e|ed|es|ing)|fabricat\w*|pad(s|ded|ding)|inflat\w*|doctor(s|ed|ing)|backdat(ed|ing)) (\w+ ){0,2}(invoices?|receipts?|expenses?|expense reports?|timesheets?|time ?cards?|hours|records|numbers|signatures?|mileage|claims?|inspections?|logs?)\b/,
        example: 'my manager inflates the mileage on his expense claims every month',
        counterExample: 'how do I fix a mistake on my expense report?',
      },
      {
        pattern:
          /\b(steal(s|ing)?|stole|pocket(s|ed|ing)|skim(s|med|ming)|taking) (\w+ ){0,3}(money|cash|funds|from the (company|register|till|safe)|inventory|tips|product|merchandise)\b/,
        example: 'I saw the assistant manager pocketing cash from the till',
        counterExample: 'my badge was stolen on the train, how do I get a new one?',
      },
      {
        pattern:
          /\b((doesn'?t|don'?t|won'?t|refuses? to|never) pay (us|me|anyone|people) (for )?(overtime|the overtime|all (our|my|the) hours|our hours|breaks)|(told|make|makes|made|forced) (us|me) (to )?(clock out|work off the clock)|work(ing)? off the clock|(shav|delet|chang|edit|alter)\w* (our|my|their|people'?s|employees'?) (hours|time ?cards?|timesheets?|punches)|haven'?t been paid (in|for) (\d+|two|three|four|several) (weeks|months))\b/,
        example: 'the store makes us clock out and then finish closing for free',
        counterExample: 'my overtime from last week is missing on this paycheck, can you check?',
      },
      {
        pattern:
          /\b((personal|private|family) (\w+ ){0,2}(trips?|dinners?|meals?|holidays?|vacations?|purchases?|groceries|expenses?) (on|to|as|through) (the )?(company|corporate|business|work)|(charges?|charging|bills?|billing|expens(es|ed|ing)) (his|her|their) (personal|private|family|wife'?s|husband'?s))\b/,
        example: 'my director puts his family holidays on the company card as client visits',
        counterExample: 'can I expense a business dinner with a client?',
      },
      {
        pattern:
          /\b((company|firm|business|supplier|vendor) (that )?(his|her|their) (wife|husband|brother|sister|cousin|son|daughter|partner|friend) (owns|runs)|owned by (his|her|their) (wife|husband|brother|sister|cousin|son|daughter|partner)|(same|duplicate) (receipts?|invoices?) (\w+ ){0,4}(submitted|claimed|paid|used) (twice|again|more than once|by))\b/,
        example: 'every cleaning contract goes to a firm his brother runs and nobody else can bid',
        counterExample: 'can my brother apply to the firm as a cleaning contractor?',
      },
      {
        // Pay held back for weeks, or kept outright, is wages withheld, not a late payslip.
        pattern:
          /\b((haven'?t|hasn'?t|have not|has not|didn'?t|did not|never|still not) (been )?pa(id|y) (me |us )?(for |in )?(the )?(last |past )?(\w+ ){0,2}(weeks|months|pay periods)|(kept|keeps|keeping|withh[eo]ld\w*|held back|holding back|won'?t (release|hand over|give me)) (my|our|the) (final |last )?(\w+ )?(pay ?checks?|wages|salary|pay|tips))\b/,
        example: 'the agency has held back our wages for the last two months and stopped replying',
        counterExample: 'my first paycheck has not arrived yet, when does it usually come?',
      },
    ],
    es: [
      {
        pattern:
          /\b(fraude|malversacion|soborno|sobornos|mordidas?|facturas? falsas?|roba(ndo)? (dinero|de la caja)|no nos pagan las horas extra)\b/,
        example: 'el gerente cobra sobornos a los proveedores',
        counterExample: '¿cómo denuncio un fraude si lo veo?',
      },
    ],
    fr: [
      {
        pattern:
          /\b(fraude|detournement|detourne de l'?argent|(declare|facture)\w* des (frais|heures) (\w+ ){0,6}(qu'?il|qu'?elle|qu'?ils|que personne) (ne |n'?)(a|ont|fait|font)|pots?[- ]de[- ]vin|fausses? factures?|ne nous paie pas les heures sup\w*)\b/,
        example: "mon responsable détourne de l'argent de la caisse",
        counterExample: 'comment signaler une fraude si j’en vois une ?',
      },
    ],
    de: [
      {
        pattern:
          /\b(betrug|betrugt|unterschlag\w*|bestechung\w*|schmiergeld\w*|gefalschte (rechnungen|belege|stunden)|uberstunden (werden )?nicht bezahlt)\b/,
        example: 'mein Vorgesetzter nimmt Schmiergeld von Lieferanten',
        counterExample: 'wie melde ich einen Verdacht auf Betrug?',
      },
    ],
  },
};
