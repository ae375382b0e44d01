import type { Language } from './types.js';

/**
 * The knowledge base's own vocabulary in Spanish, French and German: one row per English word the articles use
 * (their titles, tags and section words), with the words employees use for it in each language, accent-folded.
 * Written from the articles, word by word, so a foreign question is carried onto the English words its answer is
 * written in. Rows list base forms: analyze.ts also matches a question's word by its stem in the question's
 * language ("vacaciones" → "vacacion", "Kündigungsfrist" → "kundigungsfrist"), so plurals and verb endings
 * need no row of their own. The English side may be two words ("sick leave").
 *
 * Format: `english | spanish words | french words | german words`, "-" for none.
 */
const TABLE = `
absence | ausencia ausente | absence absent absente | abwesenheit abwesend fehlzeit
accident | accidente | accident | unfall
accommodation | adaptacion ajuste ajustes | amenagement | anpassung
accessibility | accesibilidad | accessibilite | barrierefreiheit
account | cuenta | compte | konto
accrual | acumulacion acumular acumulan acumulo | acquisition cumul cumuler accumule | ansammeln ansammlung angesammelt
address | domicilio | domicile | adresse anschrift wohnsitz
adoption | adopcion adoptar | adoption adopter | adoption adoptieren
alcohol | alcohol | alcool | alkohol
alumni | exempleado exempleados | ancien anciens | ehemalige ehemaliger
anonymous | anonimo anonima | anonyme | anonym
application | postulacion candidatura | candidature | bewerbung
apply | postular postularme aplicar | postuler candidater | bewerben
appointment | cita | rdv | termin
approval | aprobacion aprobar aprueba autorizacion | approbation approuver valider validation | genehmigung genehmigen freigabe
award | premio reconocimiento | recompense prix | auszeichnung pramie
badge | credencial gafete tarjeta | badge carte | ausweis mitarbeiterausweis zugangskarte
balance | saldo | solde | saldo guthaben resturlaub
bank | banco bancaria bancario | banque bancaire | bank bankkonto
beneficiary | beneficiario beneficiaria | beneficiaire | begunstigter begunstigte
benefits | beneficio prestacion | avantages mutuelle | leistungen sozialleistungen zusatzleistungen
bereavement | duelo luto fallecimiento | deuil deces | trauerfall todesfall trauer
birth | nacimiento parto | naissance accouchement | geburt entbindung
bonus | bonificacion gratificacion incentivo | bonus gratification | bonus pramie jahresbonus
booking | reserva reservar | reservation reserver | buchung buchen reservieren
building | edificio | batiment immeuble | gebaude
bullying | intimidacion | intimidation | mobbing schikane
calendar | calendario | calendrier | kalender
candidate | candidato candidata | candidat candidate | kandidat kandidatin bewerber
career | carrera | carriere | karriere laufbahn
certificate | certificado constancia | certificat attestation | bescheinigung zeugnis
certification | certificacion | certification | zertifizierung
check | comprobar revisar | verifier | prufung uberprufung
childcare | guarderia | creche garde | kinderbetreuung kita
claim | reclamacion reclamo | reclamation | anspruch
clothing | ropa vestimenta | tenue vetements habillement | kleidung kleiderordnung
code | codigo | code | code
colleague | colega companero | collegue | kollege kollegin
commission | comision comisiones | commission | provision provisionen
company | compania | societe boite | firma unternehmen betrieb
compensation | compensacion remuneracion | remuneration compensation | vergutung entlohnung
conduct | conducta comportamiento | conduite comportement deontologie | verhalten verhaltenskodex
confidential | confidencial | confidentiel confidentielle | vertraulich
conflict interest | conflicto | conflit | interessenkonflikt
contact | contacto contactar | contact contacter joindre | kontakt kontaktieren ansprechpartner
contractor | contratista autonomo | prestataire freelance | auftragnehmer freiberufler
contribution | aportacion aporte contribucion aportar | cotisation contribution cotiser | beitrag einzahlung
correction | correccion corregir | correction corriger | korrektur korrigieren berichtigen
counseling | asesoramiento terapia psicologo | psychologue accompagnement | beratung psychologe
court | tribunal juzgado | tribunal | gericht
coverage | cobertura cubierto cubre | couverture couvert | deckung versicherungsschutz abgedeckt
criminal | penales antecedentes | casier judiciaire | vorstrafen fuhrungszeugnis
deadline | plazo | delai echeance | frist stichtag
death | muerte fallecio murio | mort deces decede | tod gestorben verstorben
deduction | deduccion descuento | retenue prelevement cotisations | abzug abzuge
dental | dental | dentaire | zahnarztlich zahn zahnversicherung
dependent | dependiente | - | angehorige angehoriger
deployment | despliegue | deploiement | einsatz
deposit | deposito transferencia | virement | uberweisung
desk | escritorio mesa | - | schreibtisch
development | desarrollo | developpement | entwicklung weiterentwicklung
directory | directorio | annuaire | verzeichnis mitarbeiterverzeichnis
disability | discapacidad incapacidad invalidez | invalidite incapacite handicap | behinderung berufsunfahigkeit erwerbsunfahigkeit
discrimination | discriminacion | discrimination | diskriminierung
disciplined | sancion sancionado castigo | sanction sanctionne | abmahnung bestraft
documents | documento documentos | document documents papiers | dokumente unterlagen
dress | vestir vestimenta | tenue | kleiderordnung
drug | droga drogas | drogue drogues stupefiants | drogen
email | correo | courriel mail | mail
emergency | emergencia urgencia | urgence | notfall
employee | empleado empleada trabajador | salarie employe collaborateur | mitarbeiter mitarbeiterin angestellter arbeitnehmer
enrollment | inscripcion inscribirse inscribir afiliacion | inscription adhesion inscrire | anmeldung einschreibung anmelden
equipment | - | equipement materiel | ausrustung gerate
error | error equivocado incorrecto | erreur errone incorrect | fehler falsch
expense | gasto | depense frais | auslagen spesen kosten
exam | examen | examen | untersuchung
eye | ojos vista | yeux oeil vue | augen
facilities | instalaciones | locaux installations | einrichtungen
feedback | retroalimentacion comentarios opinion | avis | ruckmeldung feedback
final | ultimo ultima final | dernier derniere final | letzte letzter schluss
fitness | gimnasio | sport | fitnessstudio fitness
flight | vuelo vuelos | vol vols avion | flug fluge
form | formulario | formulaire | formular
former | antiguo | ancien ancienne | ehemalig
fraud | fraude | fraude | betrug
funeral | funeral entierro velorio | funerailles obseques enterrement | beerdigung beisetzung
gift | regalo | cadeau | geschenk
goal | objetivo meta | objectif | ziel ziele zielsetzung
harassment | acoso | harcelement | belastigung
hazard | peligro riesgo | danger risque | gefahr gefahrdung
health | salud sanitario | sante | gesundheit
hiring | contratar contratacion | embaucher recruter | einstellen einstellung
holiday | feriado festivo | ferie | feiertag feiertage
home | casa hogar | maison domicile | hause zuhause
hotel | hotel hospedaje alojamiento | hotel hebergement | hotel ubernachtung unterkunft
hotline | - | alerte | hotline meldestelle
hourly | - | - | stundenlohn stundlich
hours | horas | heures | stunden
hybrid | hibrido hibrida | hybride | hybrid
id | identificacion identidad | identite | ausweis
illness | enfermedad | maladie | krankheit
improvement plan | mejora | amelioration | verbesserungsplan
income | ingresos | revenu revenus | einkommen
injury | lesion herida lesionado | blessure blesse | verletzung verletzt
insurance | seguro aseguradora poliza | assurance prevoyance | versicherung
interview | entrevista | entretien | vorstellungsgesprach
job | trabajo empleo puesto | emploi boulot | job stelle arbeitsstelle
jury | jurado | jure jury | geschworene schoffe
laptop | portatil computadora ordenador | ordinateur pc | laptop rechner computer
learning | aprendizaje aprender | apprentissage apprendre | lernen weiterbildung
legal | legal ley | legal loi | gesetzlich gesetz rechtlich
letter | carta | lettre courrier | brief
life | vida | vie | leben
limit | limite maximo tope | plafond limite maximum | grenze hochstbetrag obergrenze
lockout | bloqueado bloqueada bloqueo | bloque verrouille | gesperrt sperre
login | - | connecter connexion | einloggen
manager | gerente jefe supervisor responsable | responsable manager chef superieur | vorgesetzter vorgesetzte fuhrungskraft chef
marriage | matrimonio casarse boda casado | mariage marier marie | heirat hochzeit heiraten verheiratet
match | - | abondement | arbeitgeberzuschuss
maternity | maternidad | maternite | mutterschutz mutterschaft
medical | medico medica | medical medicale | medizinisch arztlich
meeting | reunion | reunion | besprechung meeting treffen
mental | mental psicologica | mentale psychologique | psychisch seelisch
merit | merito | merite | leistungsbezogen
mileage | kilometraje | kilometrique kilometres | kilometergeld fahrtkosten
military | militar | militaire armee | militar wehrdienst bundeswehr reservist
missing | falta faltante | manquant manque | fehlend fehlt
move | mudanza mudarme mudar | demenagement demenager | umzug umziehen
name | nombre | nom prenom | name vorname nachname
new | nuevo nueva | nouveau nouvelle | neu neue neuer
notice | aviso preaviso | preavis | kundigungsfrist
office | oficina | bureau locaux | buro
offboarding | salida | depart | austritt ausscheiden
onboarding | incorporacion integracion | integration accueil | einarbeitung onboarding
openings | vacante | vacant | stellenangebot stellenausschreibung
overtime | - | - | uberstunden mehrarbeit
paid | pagado remunerado | paye remunere | bezahlt vergutet
parental | parental | parental | elternzeit eltern
parking | estacionamiento aparcamiento parqueo | parking stationnement | parkplatz parken
password | clave | - | passwort kennwort
pay | paga pagar | paie payer | lohn bezahlung zahlung
payroll | nomina | paie | lohnabrechnung gehaltsabrechnung
payslip | recibo | fiche bulletin | gehaltsabrechnung lohnzettel abrechnung
pension | pension | pension | rente altersvorsorge
performance | rendimiento desempeno | performance rendement | leistung
personal | personal | personnel personnelle | personlich
phone | telefono movil celular | telephone portable | telefon handy
plan | plan | plan regime | plan tarif
policy | politica normativa reglamento | politique reglement | richtlinie regelung
portal | portal | portail | portal
position | puesto cargo | poste | stelle position
pregnant | embarazo embarazada | grossesse enceinte | schwanger schwangerschaft
privacy | privacidad | confidentialite | datenschutz
promotion | ascenso promocion | promotion | beforderung
pronouns | pronombres | pronoms | pronomen
quit | dimitir irme | quitter | kundigen aufhoren
raise | aumento subida | augmentation | gehaltserhohung erhohung
rating | calificacion nota puntuacion | note notation | bewertung einstufung
receipt | recibo factura comprobante ticket | recu facture justificatif | beleg quittung rechnung
recognition | reconocimiento | reconnaissance | anerkennung
record | registro expediente | dossier registre | akte unterlagen
recruiter | reclutador reclutadora | recruteur recruteuse | recruiter personalvermittler
referral | recomendacion referido | cooptation parrainage recommandation | empfehlung mitarbeiterempfehlung
rehire | recontratar recontratacion | reembaucher reembauche | wiedereinstellung wiedereinstellen
reimbursement | reembolso | remboursement | erstattung ruckerstattung kostenerstattung
relocation | reubicacion traslado | mobilite relocalisation | umzug
remote | remoto distancia | distance teletravail | fernarbeit homeoffice mobil
report | reportar denunciar informar informe | signaler signalement rapport | melden meldung bericht
request | solicitud pedir solicitar | demande demander | antrag beantragen anfrage
resignation | renuncia dimision | demission | kundigung
retaliation | represalia represalias | represailles | vergeltung repressalien
retirement | jubilacion retiro | retraite | ruhestand rente altersvorsorge
return | regreso volver regresar reincorporacion | retour revenir reprise | ruckkehr zuruckkehren wiedereinstieg
review | evaluacion revision | evaluation bilan | beurteilung mitarbeitergesprach
role | rol funcion | role fonction | rolle funktion
safety | seguridad | securite | sicherheit arbeitssicherheit
salary | salario sueldo | salaire | gehalt
schedule | horario calendario | planning horaire | zeitplan dienstplan
security | seguridad | securite | sicherheit
severance | indemnizacion | indemnite | abfindung
sick | enfermo enferma | malade | krank krankmeldung
sick leave | - | arret | krankschreibung krankenstand
social media | redes sociales | reseaux sociaux | soziale medien
start | empezar comenzar inicio | commencer debut debute | anfangen beginnen beginn
stipend | subsidio asignacion | allocation | zuschuss pauschale
stress | estres | stress | stress belastung
substance | sustancia | substance | substanz
support | apoyo ayuda | soutien aide | unterstutzung hilfe
surgery | cirugia operacion | chirurgie operation | operation
tax | fiscal tributario | fiscal impot | steuer steuern steuerlich
team | equipo | equipe | team abteilung
termination | despido | licenciement | entlassung kundigung
threat | amenaza amenazas amenazar | menace menaces menacer | drohung drohungen bedrohung
timesheet | - | - | stundenzettel zeiterfassung arbeitszeitnachweis
training | formacion capacitacion curso | formation cours | schulung fortbildung weiterbildung kurs
transfer | traslado transferencia | mutation transfert | versetzung
travel | viaje viajar | voyage deplacement voyager | reise dienstreise geschaftsreise
tuition | matricula colegiatura estudios | frais scolarite etudes | studiengebuhren studium
vacation | vacacion | vacances | urlaub
verification | verificacion | verification attestation | nachweis bestatigung
violence | violencia | violence | gewalt
vision | vision optica | optique vue | sehhilfe augenoptik
weapon | arma armas | arme armes | waffe waffen
wellness | bienestar | - | wohlbefinden gesundheitsforderung
withholding | retencion retenciones | prelevement | lohnsteuerabzug einbehalt
witness | testigo | temoin | zeuge
work | trabajar trabajo | travail travailler | arbeit arbeiten
workplace | lugar | lieu | arbeitsplatz
year | ano | annee an | jahr
`;

export type ForeignLanguage = Exclude<Language, 'en'>;
const COLUMNS: readonly ForeignLanguage[] = ['es', 'fr', 'de'];

/** Per language: a foreign word (accent-folded, as tokenized) → the English word(s) it stands for. */
export const TERMS: Readonly<Record<ForeignLanguage, ReadonlyMap<string, string>>> = (() => {
  const maps: Record<ForeignLanguage, Map<string, string>> = { es: new Map(), fr: new Map(), de: new Map() };
  for (const row of TABLE.split('\n')) {
    if (row.trim() === '') continue;
    const [english, ...columns] = row.split('|').map((cell) => cell.trim());
    COLUMNS.forEach((language, i) => {
      const cell = columns[i] ?? '-';
      if (cell === '-') return;
      for (const word of cell.split(/\s+/))
        for (const part of word.split('-'))
          if (part.length > 0 && !maps[language].has(part)) maps[language].set(part, english!);
    });
  }
  return maps;
})();
