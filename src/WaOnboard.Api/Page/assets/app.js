// wa-onboard pre-flight page. Talks only to this server's API (same origin); renders every value from a packet
// with textContent, never as HTML, so a hostile packet can only ever show up as text.
'use strict';
(() => {
  const $ = (selector) => document.querySelector(selector);

  // ---- Words -------------------------------------------------------------------------------------------------
  const WORDS = {
    en: {
      skip: 'Skip to the packet', title: 'Pre-flight check of a WhatsApp Business packet',
      intro: 'Check the onboarding packet before you send it to your contact-centre provider. What you type stays on this server: nothing is stored unless you press "Record".',
      language: 'Language', provider: 'Provider', summary: 'Findings', noPacket: 'No packet yet: drop a file or fill the form.',
      fileTitle: 'Check a packet file', dropHint: 'Drop the packet file (YAML or JSON) and its avatar here, or choose them:',
      packetFile: 'Packet file (YAML or JSON)', avatarFile: 'Avatar (640 x 640, PNG or JPEG)',
      formTitle: 'Or fill the packet', formHint: 'Fields marked * are required by the chosen provider. Findings appear as you type.',
      downloads: 'Downloads', downloadYaml: 'Packet (YAML)', checklistHtml: 'Customer checklist (HTML)', checklistText: 'Customer checklist (text)',
      checklistEml: 'Customer checklist (.eml)', pmSheet: "Project manager's sheet (HTML)",
      snippets: 'Website snippets and QR code', snippetsHint: "Links, buttons and prompts that lead customers to the packet's WhatsApp number.",
      snippetText: "Text pre-filled in the customer's message (optional)", makeSnippets: 'Show the snippets',
      recordTitle: 'Record the number (stores data)',
      recordHint: "Recording stores the packet's phone number, Business ID and verified name on this server, so that the number is never onboarded for two businesses. Only a valid packet is recorded.",
      apiKey: 'API key (only when this server asks for one)', record: "Record this packet's number",
      footer: 'wa-onboard, served from this installation. API:',
      checking: 'Checking...', valid: 'Valid: no error.', invalid: 'Not valid yet.',
      counts: (e, w, i) => `${e} error(s), ${w} warning(s), ${i} info(s).`,
      error: 'error', warning: 'warning', info: 'info', line: (l, c) => c ? `line ${l}, column ${c}` : `line ${l}`, field: 'field',
      wholeFile: 'the file as a whole', required: 'required',
      fileRead: (n) => `Checking the file ${n} as it is. Editing the form below switches to the form's packet.`,
      fileFormPartial: 'The form could not show every part of this file; the findings are those of the file itself.',
      formMode: "Checking the form's packet.", avatarRead: (n) => `Avatar: ${n}`,
      serverError: (s, t) => `The server answered ${s}: ${t}`, network: 'The server cannot be reached.',
      downloaded: (n) => `Downloaded ${n}.`, copy: 'Copy', copied: 'Copied.', copyFailed: 'Select the code and copy it.',
      preview: (k) => `Preview of the ${k} snippet`, svg: 'QR code (SVG)', png: 'QR code (PNG)', qrAlt: "QR code of the WhatsApp link",
      noNumber: "The packet has no usable phone number (phone.number): fill it to get the snippets.",
      snippetsMade: (n) => `${n} snippets.`,
      recorded: (n) => `Recorded: ${n}.`, already: (n) => `Already recorded for this business: ${n}.`,
      taken: 'Another business holds this number: not recorded.', notValid: 'The packet is not valid: fix the errors first. Nothing was recorded.',
      needsKey: 'This server needs an API key to record.',
      add: (w) => `Add ${w}`, remove: (w) => `Remove ${w}`, template: 'message template', translation: 'translation',
      templateN: (i) => `Message template ${i}`, translationN: (i) => `Translation ${i}`, yes: 'yes', no: 'no', unset: '(not given)',
      onePerLine: 'one per line',
      brand: 'Brand rules: use only the official WhatsApp artwork, unaltered; spell "WhatsApp" with a capital W and A; packaging that shows WhatsApp needs written approval from Meta.',
      brandLink: 'WhatsApp brand resources',
    },
    fr: {
      skip: 'Aller au dossier', title: "Vérification d'un dossier WhatsApp Business avant envoi",
      intro: "Vérifiez le dossier d'intégration avant de l'envoyer à votre fournisseur de centre de contact. Ce que vous saisissez reste sur ce serveur : rien n'est enregistré sauf si vous appuyez sur « Enregistrer ».",
      language: 'Langue', provider: 'Fournisseur', summary: 'Constats', noPacket: 'Pas encore de dossier : déposez un fichier ou remplissez le formulaire.',
      fileTitle: 'Vérifier un fichier de dossier', dropHint: 'Déposez ici le fichier du dossier (YAML ou JSON) et son avatar, ou choisissez-les :',
      packetFile: 'Fichier du dossier (YAML ou JSON)', avatarFile: 'Avatar (640 x 640, PNG ou JPEG)',
      formTitle: 'Ou remplissez le dossier', formHint: 'Les champs marqués * sont exigés par le fournisseur choisi. Les constats apparaissent pendant la saisie.',
      downloads: 'Téléchargements', downloadYaml: 'Dossier (YAML)', checklistHtml: 'Liste de contrôle client (HTML)', checklistText: 'Liste de contrôle client (texte)',
      checklistEml: 'Liste de contrôle client (.eml)', pmSheet: 'Fiche du chef de projet (HTML)',
      snippets: 'Extraits pour le site et code QR', snippetsHint: 'Liens, boutons et messages qui mènent les clients au numéro WhatsApp du dossier.',
      snippetText: 'Texte prérempli dans le message du client (facultatif)', makeSnippets: 'Afficher les extraits',
      recordTitle: 'Enregistrer le numéro (conserve des données)',
      recordHint: "L'enregistrement conserve sur ce serveur le numéro, l'identifiant Business et le nom vérifié du dossier, pour qu'un numéro ne soit jamais intégré pour deux entreprises. Seul un dossier valide est enregistré.",
      apiKey: "Clé d'API (seulement si ce serveur en demande une)", record: 'Enregistrer le numéro de ce dossier',
      footer: 'wa-onboard, servi par cette installation. API :',
      checking: 'Vérification...', valid: 'Valide : aucune erreur.', invalid: 'Pas encore valide.',
      counts: (e, w, i) => `${e} erreur(s), ${w} avertissement(s), ${i} information(s).`,
      error: 'erreur', warning: 'avertissement', info: 'info', line: (l, c) => c ? `ligne ${l}, colonne ${c}` : `ligne ${l}`, field: 'champ',
      wholeFile: 'le fichier entier', required: 'obligatoire',
      fileRead: (n) => `Vérification du fichier ${n} tel quel. Modifier le formulaire ci-dessous fait vérifier le dossier du formulaire.`,
      fileFormPartial: "Le formulaire n'a pas pu montrer tout le fichier ; les constats sont ceux du fichier lui-même.",
      formMode: 'Vérification du dossier du formulaire.', avatarRead: (n) => `Avatar : ${n}`,
      serverError: (s, t) => `Le serveur a répondu ${s} : ${t}`, network: 'Le serveur est injoignable.',
      downloaded: (n) => `${n} téléchargé.`, copy: 'Copier', copied: 'Copié.', copyFailed: 'Sélectionnez le code et copiez-le.',
      preview: (k) => `Aperçu de l'extrait ${k}`, svg: 'Code QR (SVG)', png: 'Code QR (PNG)', qrAlt: 'Code QR du lien WhatsApp',
      noNumber: "Le dossier n'a pas de numéro utilisable (phone.number) : remplissez-le pour obtenir les extraits.",
      snippetsMade: (n) => `${n} extraits.`,
      recorded: (n) => `Enregistré : ${n}.`, already: (n) => `Déjà enregistré pour cette entreprise : ${n}.`,
      taken: "Une autre entreprise détient ce numéro : rien n'a été enregistré.", notValid: "Le dossier n'est pas valide : corrigez d'abord les erreurs. Rien n'a été enregistré.",
      needsKey: "Ce serveur demande une clé d'API pour enregistrer.",
      add: (w) => `Ajouter ${w}`, remove: (w) => `Retirer ${w}`, template: 'un modèle de message', translation: 'une traduction',
      templateN: (i) => `Modèle de message ${i}`, translationN: (i) => `Traduction ${i}`, yes: 'oui', no: 'non', unset: '(non renseigné)',
      onePerLine: 'un par ligne',
      brand: "Règles de marque : n'utilisez que les visuels WhatsApp officiels, sans les modifier ; écrivez « WhatsApp » avec un W et un A majuscules ; un emballage qui montre WhatsApp exige l'accord écrit de Meta.",
      brandLink: 'Ressources de marque WhatsApp',
    },
  };
  const BRAND_URL = 'https://www.whatsappbrand.com/';
  let lang = 'en';
  const t = (key, ...args) => {
    const word = (WORDS[lang] && WORDS[lang][key]) ?? WORDS.en[key];
    return typeof word === 'function' ? word(...args) : word;
  };

  // ---- The form: sections and fields of spec/packet.md -------------------------------------------------------
  // type: text | email | tel | url | textarea | bool (yes/no/not given) | list (one per line) | int | choice | checks
  const L = (en, fr) => ({ en, fr });
  const SECTIONS = [
    { key: 'business', title: L('Business', 'Entreprise'), fields: [
      { path: 'business.facebookBusinessId', label: L('Facebook Business Manager ID (15 digits)', 'Identifiant Facebook Business Manager (15 chiffres)'), inputmode: 'numeric' },
      { path: 'business.verifiedName', label: L('Verified name (cannot be changed later)', 'Nom vérifié (non modifiable ensuite)') },
      { path: 'business.legalName', label: L('Legal name', 'Raison sociale') },
      { path: 'business.verified', label: L('Business Manager verification done', 'Vérification Business Manager faite'), type: 'bool' },
    ] },
    { key: 'account', title: L('Provider account', 'Compte chez le fournisseur'), fields: [
      { path: 'account.plan', label: L('Plan (8x8: X7 or X8)', 'Offre (8x8 : X7 ou X8)') },
      { path: 'account.termsAccepted', label: L('WhatsApp terms accepted', 'Conditions WhatsApp acceptées'), type: 'bool' },
    ] },
    { key: 'phone', title: L('Phone number', 'Numéro de téléphone'), fields: [
      { path: 'phone.number', label: L('Number, international format (+33 6 12 34 56 78)', 'Numéro au format international (+33 6 12 34 56 78)'), type: 'tel' },
      { path: 'phone.canReceive', label: L('Can receive the registration code by', "Peut recevoir le code d'enregistrement par"), type: 'checks', options: ['sms', 'voice'] },
      { path: 'phone.usedOnWhatsAppBefore', label: L('Used on WhatsApp before', 'Déjà utilisé sur WhatsApp'), type: 'bool' },
      { path: 'phone.currentlyOn', label: L('Currently on', 'Actuellement sur'), type: 'choice', options: ['none', 'consumer-app', 'business-app', 'other-provider'] },
      { path: 'phone.provider', label: L('Number provider', 'Fournisseur du numéro'), type: 'choice', options: ['8x8', 'other'] },
      { path: 'phone.twoStepPinReady', label: L('Two-step PIN chosen (never write the PIN here)', 'Code PIN en deux étapes choisi (ne jamais écrire le PIN ici)'), type: 'bool' },
    ] },
    { key: 'hsm', title: L('Message templates (HSM)', 'Modèles de message (HSM)'), list: true },
    { key: 'profile', title: L('Profile', 'Profil'), fields: [
      { path: 'profile.businessName', label: L('Business name', "Nom de l'entreprise") },
      { path: 'profile.alsoKnownAs', label: L('Also known as', 'Aussi connu sous'), type: 'list' },
      { path: 'profile.nameInEnglish', label: L('Name in English', 'Nom en anglais') },
      { path: 'profile.parentBrand', label: L('Parent brand', 'Marque mère') },
      { path: 'profile.about', label: L('About (tagline)', 'À propos (slogan)') },
      { path: 'profile.description', label: L('Description', 'Description'), type: 'textarea' },
      { path: 'profile.address', label: L('Address', 'Adresse') },
      { path: 'profile.email', label: L('Contact e-mail', 'E-mail de contact'), type: 'email' },
      { path: 'profile.vertical', label: L('Vertical (category code)', 'Secteur (code de catégorie)') },
      { path: 'profile.websites', label: L('Websites', 'Sites web'), type: 'list' },
      { path: 'profile.facebookPage', label: L('Facebook page', 'Page Facebook'), type: 'url' },
      { path: 'profile.phoneNumbers', label: L('Public phone numbers', 'Numéros publics'), type: 'list' },
      { path: 'profile.avatar', label: L('Avatar file name (choose the file above)', "Nom du fichier d'avatar (choisissez le fichier plus haut)") },
    ] },
    { key: 'lineOfCredit', title: L('Line of credit', 'Ligne de crédit'), fields: [
      { path: 'lineOfCredit.approved', label: L('Line of credit approved', 'Ligne de crédit approuvée'), type: 'bool' },
    ] },
    { key: 'channel', title: L('Channel (8x8)', 'Canal (8x8)'), fields: [
      { path: 'channel.name', label: L('Channel name', 'Nom du canal') },
      { path: 'channel.script', label: L('Routing script', 'Script de routage') },
    ] },
    { key: 'estimate', title: L('Monthly estimate (optional)', 'Estimation mensuelle (facultatif)'), fields: [
      { path: 'estimate.country', label: L("Customers' country (GB)", 'Pays des clients (GB)') },
      { path: 'estimate.currency', label: L('Currency (GBP)', 'Devise (GBP)') },
      { path: 'estimate.messages.marketing', label: L('Marketing messages', 'Messages marketing'), type: 'int' },
      { path: 'estimate.messages.utility', label: L('Utility messages', 'Messages utilitaires'), type: 'int' },
      { path: 'estimate.messages.authentication', label: L('Authentication messages', "Messages d'authentification"), type: 'int' },
      { path: 'estimate.messages.service', label: L('Service conversations', 'Conversations de service'), type: 'int' },
    ] },
  ];
  const TEMPLATE_FIELDS = [
    { path: 'elementName', label: L('Element name', "Nom de l'élément") },
    { path: 'namespace', label: L('Namespace (old packets only)', 'Espace de noms (anciens dossiers)') },
    { path: 'category', label: L('Category', 'Catégorie'), type: 'choice', options: ['marketing', 'utility', 'authentication'] },
    { path: 'approved', label: L('Approved by WhatsApp', 'Approuvé par WhatsApp'), type: 'bool' },
  ];
  const TRANSLATION_FIELDS = [
    { path: 'language', label: L('Language (en, fr, ...)', 'Langue (en, fr, ...)') },
    { path: 'body', label: L('Body', 'Corps'), type: 'textarea' },
  ];

  // ---- State ---------------------------------------------------------------------------------------------------
  let model = {};            // the packet as the form sees it (unknown fields of a dropped file are kept)
  let file = null;           // { name, text, type } while the dropped file is checked as it is
  let avatar = null;         // the avatar File
  let rules = [];            // the rules of the chosen profile
  let profiles = [];
  let report = null;
  let sequence = 0;
  let pending = null;
  let timer = 0;

  // ---- Paths -----------------------------------------------------------------------------------------------------
  const tokens = (path) => path.split(/\.|(?=\[)/).filter(Boolean).map((p) => (p[0] === '[' ? Number(p.slice(1, -1)) : p));
  const getAt = (obj, path) => tokens(path).reduce((o, k) => (o == null ? undefined : o[k]), obj);
  function setAt(obj, path, value) {
    const keys = tokens(path);
    let o = obj;
    for (let i = 0; i < keys.length - 1; i++) {
      if (o[keys[i]] == null || typeof o[keys[i]] !== 'object') o[keys[i]] = typeof keys[i + 1] === 'number' ? [] : {};
      o = o[keys[i]];
    }
    const last = keys[keys.length - 1];
    if (value === undefined) { if (Array.isArray(o) && typeof last === 'number') o[last] = {}; else delete o[last]; } else o[last] = value;
  }
  const generic = (path) => path.replace(/\[\d+\]/g, '[*]');
  const idOf = (path) => 'f-' + path.replace(/[^A-Za-z0-9]+/g, '-');

  // ---- Building the form -----------------------------------------------------------------------------------
  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') node.textContent = v; else if (k === 'class') node.className = v; else if (k in node && typeof v !== 'string') node[k] = v; else node.setAttribute(k, v);
    }
    for (const c of children) if (c) node.append(c);
    return node;
  };

  function field(spec, path) {
    const id = idOf(path);
    const type = spec.type || 'text';
    const wrap = el('div', { class: 'field', 'data-field': path, 'data-generic': generic(path) });
    const label = el('label', { for: id, text: spec.label[lang] || spec.label.en });
    const help = el('span', { class: 'help', id: id + '-help' });
    const findings = el('ul', { class: 'field-findings', id: id + '-findings' });
    const described = `${id}-help ${id}-findings`;
    let control;
    const value = getAt(model, path);
    if (type === 'bool' || type === 'choice') {
      control = el('select', { id, 'data-path': path, 'data-type': type, 'aria-describedby': described });
      control.append(el('option', { value: '', text: t('unset') }));
      const options = type === 'bool' ? [['true', t('yes')], ['false', t('no')]] : spec.options.map((o) => [o, o]);
      for (const [v, text] of options) control.append(el('option', { value: v, text }));
      control.value = value === undefined || value === null ? '' : String(value);
      if (control.value !== (value == null ? '' : String(value))) { control.append(el('option', { value: String(value), text: String(value) })); control.value = String(value); }
    } else if (type === 'checks') {
      const group = el('fieldset', { class: 'checks', id, 'data-path': path, 'data-type': type, 'aria-describedby': described });
      group.append(el('legend', { text: spec.label[lang] || spec.label.en }));
      const current = Array.isArray(value) ? value.map(String) : [];
      for (const option of spec.options) {
        const box = el('input', { type: 'checkbox', id: `${id}-${option}`, value: option });
        box.checked = current.includes(option);
        group.append(el('label', { for: box.id }, box, document.createTextNode(' ' + option)));
      }
      wrap.append(group, help, findings);
      return wrap;
    } else if (type === 'textarea' || type === 'list') {
      control = el('textarea', { id, 'data-path': path, 'data-type': type, 'aria-describedby': described, rows: type === 'list' ? 2 : 3 });
      control.value = type === 'list' ? (Array.isArray(value) ? value.join('\n') : value ?? '') : value ?? '';
      if (type === 'list') label.append(document.createTextNode(` (${t('onePerLine')})`));
    } else {
      const inputType = type === 'int' ? 'text' : type;
      control = el('input', { type: inputType, id, 'data-path': path, 'data-type': type, 'aria-describedby': described,
        inputmode: type === 'int' ? 'numeric' : spec.inputmode, autocomplete: 'off' });
      control.value = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
    wrap.append(label, control, help, findings);
    return wrap;
  }

  function readControl(control) {
    const type = control.dataset.type;
    if (type === 'checks') {
      const values = [...control.querySelectorAll('input:checked')].map((b) => b.value);
      return values.length ? values : undefined;
    }
    const raw = control.value;
    if (raw === '') return undefined;
    if (type === 'bool') return raw === 'true' ? true : raw === 'false' ? false : raw;
    if (type === 'list') { const items = raw.split('\n').map((s) => s.trim()).filter(Boolean); return items.length ? items : undefined; }
    if (type === 'int') return /^\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : raw;
    return raw;
  }

  function buildForm() {
    const host = $('#form-sections');
    host.replaceChildren();
    for (const section of SECTIONS) {
      const set = el('fieldset', { 'data-section': section.key });
      set.append(el('legend', { text: section.title[lang] }));
      if (section.list) set.append(templates()); else for (const spec of section.fields) set.append(field(spec, spec.path));
      host.append(set);
    }
    markRules();
    if (report) showFindings(report, file !== null);
  }

  function templates() {
    const box = el('div', { id: 'templates' });
    const list = Array.isArray(model.hsm) ? model.hsm : [];
    list.forEach((template, i) => {
      const set = el('fieldset', { 'data-field': `hsm[${i}]`, 'data-generic': 'hsm[*]' });
      set.append(el('legend', { text: t('templateN', i + 1) }));
      for (const spec of TEMPLATE_FIELDS) set.append(field(spec, `hsm[${i}].${spec.path}`));
      const translations = template && Array.isArray(template.translations) ? template.translations : [];
      translations.forEach((_, j) => {
        const inner = el('fieldset', { 'data-field': `hsm[${i}].translations[${j}]`, 'data-generic': 'hsm[*].translations[*]' });
        inner.append(el('legend', { text: t('translationN', j + 1) }));
        for (const spec of TRANSLATION_FIELDS) inner.append(field(spec, `hsm[${i}].translations[${j}].${spec.path}`));
        inner.append(el('button', { type: 'button', class: 'secondary', 'data-remove': `hsm[${i}].translations[${j}]`, text: t('remove', t('translation')) }));
        set.append(inner);
      });
      set.append(el('button', { type: 'button', class: 'secondary', 'data-add': `hsm[${i}].translations`, text: t('add', t('translation')) }), document.createTextNode(' '),
        el('button', { type: 'button', class: 'secondary', 'data-remove': `hsm[${i}]`, text: t('remove', t('template')) }));
      box.append(set);
    });
    box.append(el('button', { type: 'button', class: 'secondary', 'data-add': 'hsm', text: t('add', t('template')) }));
    return box;
  }

  function markRules() {
    const byPath = new Map();
    for (const rule of rules) {
      const entry = byPath.get(rule.path) || { required: false, help: [] };
      if (rule.check === 'required') entry.required = true;
      if (rule.help && !entry.help.includes(rule.help)) entry.help.push(rule.help);
      byPath.set(rule.path, entry);
    }
    for (const wrap of document.querySelectorAll('#form-sections .field')) {
      const entry = byPath.get(wrap.dataset.generic);
      const label = wrap.querySelector('label, legend');
      const help = wrap.querySelector('.help');
      const control = wrap.querySelector('[data-path]');
      wrap.querySelector('.req')?.remove();
      help.textContent = entry ? entry.help.slice(0, 2).join(' ') : '';
      if (entry && entry.required) {
        label.append(el('span', { class: 'req', 'aria-hidden': 'true', text: '*' }));
        if (control.tagName !== 'FIELDSET') control.setAttribute('aria-required', 'true');
        help.prepend(document.createTextNode(`(${t('required')}) `));
      } else control.removeAttribute('aria-required');
    }
  }

  // ---- Validation ----------------------------------------------------------------------------------------------
  const packetJson = () => JSON.stringify(prune({ ...model, provider: $('#provider').value || model.provider }));
  function prune(value) {
    if (Array.isArray(value)) return value.map(prune);
    if (value && typeof value === 'object') {
      const out = {};
      for (const [k, v] of Object.entries(value)) {
        const p = prune(v);
        if (p === undefined || p === '' || (p && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0)) continue;
        out[k] = p;
      }
      return out;
    }
    return value;
  }
  const hasPacket = () => file !== null || Object.keys(prune(model)).length > 0;

  // The request body of every packet endpoint: the dropped file as it is, or the form's packet; a form when there is an avatar.
  function body() {
    if (file) {
      if (!avatar) return { body: file.text, type: /\.json$/i.test(file.name) ? 'application/json' : 'application/yaml' };
      const form = new FormData();
      form.append('packet', new Blob([file.text], { type: /\.json$/i.test(file.name) ? 'application/json' : 'application/yaml' }), file.name);
      form.append('avatar', avatar, avatar.name);
      return { body: form };
    }
    if (!avatar) return { body: packetJson(), type: 'application/json' };
    const form = new FormData();
    form.append('packet', new Blob([packetJson()], { type: 'application/json' }), 'packet.json');
    form.append('avatar', avatar, avatar.name);
    return { body: form };
  }

  async function post(url, extraHeaders = {}) {
    const b = body();
    const headers = { ...extraHeaders };
    if (b.type) headers['Content-Type'] = b.type;
    return fetch(url, { method: 'POST', body: b.body, headers, credentials: 'same-origin', cache: 'no-store' });
  }

  function profileQuery() {
    // A dropped file is checked as it is, with the profile chosen here when it differs from its own provider.
    const chosen = $('#provider').value;
    return file && chosen && chosen !== (model.provider ?? '') ? `?profile=${encodeURIComponent(chosen)}` : '';
  }

  function schedule(delay = 350) {
    clearTimeout(timer);
    timer = setTimeout(validate, delay);
  }

  async function validate() {
    if (!hasPacket()) return;
    const mine = ++sequence;
    if (pending) pending.abort();
    pending = new AbortController();
    $('#summary').setAttribute('aria-busy', 'true');
    const b = body();
    try {
      const response = await fetch('/v1/validate' + profileQuery(), { method: 'POST', body: b.body, headers: b.type ? { 'Content-Type': b.type } : {}, signal: pending.signal, cache: 'no-store' });
      const answer = await response.json().catch(() => null);
      if (mine !== sequence) return;
      if (response.ok && answer) report = answer;
      else if (answer && answer.ruleId) {
        // A body that is no packet at all (syntax error): shown as the finding it is, with its line.
        report = { valid: false, summary: { errors: 1, warnings: 0, infos: 0 },
          findings: [{ ruleId: answer.ruleId, severity: 'error', path: '', message: answer.detail || answer.title, line: answer.line, column: answer.column }] };
      } else {
        report = null;
        $('#verdict').textContent = t('serverError', response.status, (answer && (answer.detail || answer.title)) || response.statusText);
        return;
      }
      showFindings(report, file !== null);
      performance.mark('wa-findings');
    } catch (e) {
      if (e.name !== 'AbortError' && mine === sequence) $('#verdict').textContent = t('network');
    } finally {
      if (mine === sequence) $('#summary').removeAttribute('aria-busy');
    }
  }

  function findingItem(finding, withLine, inSummary) {
    const item = el('li', { class: 'finding', 'data-severity': finding.severity });
    if (inSummary) {
      item.setAttribute('data-finding', '');
      item.setAttribute('data-rule-id', finding.ruleId);
      item.setAttribute('data-path', finding.path);
    }
    item.append(el('span', { class: 'badge', text: t(finding.severity) }), el('span', { class: 'message', text: finding.message }));
    const where = [];
    if (inSummary) where.push(finding.path ? finding.path : t('wholeFile'));
    if (withLine && finding.line) where.push(t('line', finding.line, finding.column));
    where.push(finding.ruleId);
    const whereNode = el('span', { class: 'where' });
    const target = inSummary ? fieldFor(finding.path) : null;
    if (target) {
      const link = el('a', { href: '#' + target.querySelector('[data-path]').id, text: where[0] });
      link.addEventListener('click', (event) => { event.preventDefault(); target.querySelector('[data-path]').focus(); });
      whereNode.append(link, document.createTextNode(where.length > 1 ? ' · ' + where.slice(1).join(' · ') : ''));
    } else whereNode.textContent = where.join(' · ');
    item.append(whereNode);
    if (finding.help) item.append(el('span', { class: 'help', text: finding.help }));
    return item;
  }

  // The field of a finding: its own path, else the nearest enclosing field (hsm[0].translations[1] -> hsm[0]).
  function fieldFor(path) {
    let p = path;
    while (p) {
      const wrap = document.querySelector(`#form-sections .field[data-field="${CSS.escape(p)}"]`);
      if (wrap) return wrap;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) break;
      p = p.slice(0, cut);
    }
    return null;
  }

  function showFindings(r, withLine) {
    const summary = $('#summary');
    summary.dataset.valid = String(r.valid);
    summary.dataset.errors = String(r.summary.errors);
    summary.dataset.warnings = String(r.summary.warnings);
    summary.dataset.infos = String(r.summary.infos);
    $('#verdict').textContent = `${r.valid ? t('valid') : t('invalid')} ${t('counts', r.summary.errors, r.summary.warnings, r.summary.infos)}`;
    for (const wrap of document.querySelectorAll('#form-sections .field')) {
      wrap.classList.remove('has-error');
      wrap.querySelector('.field-findings').replaceChildren();
      wrap.querySelector('[data-path]').removeAttribute('aria-invalid');
    }
    const items = [];
    for (const finding of r.findings) {
      items.push(findingItem(finding, withLine, true));
      const wrap = fieldFor(finding.path);
      if (wrap) {
        wrap.querySelector('.field-findings').append(findingItem(finding, withLine, false));
        if (finding.severity === 'error') { wrap.classList.add('has-error'); wrap.querySelector('[data-path]').setAttribute('aria-invalid', 'true'); }
      }
    }
    $('#findings').replaceChildren(...items);
  }

  // ---- Files ------------------------------------------------------------------------------------------------------
  async function takePacketFile(f) {
    if (!f) return;
    if (f.size > 1024 * 1024) { $('#file-status').textContent = t('serverError', 413, 'over 1 MiB'); return; }
    const text = await f.text();
    file = { name: f.name, text };
    let parsed = null;
    try { parsed = /\.json$/i.test(f.name) || /^\s*[{]/.test(text) ? JSON.parse(text) : Yaml.parse(text); } catch { parsed = null; }
    const readable = parsed && typeof parsed === 'object' && !Array.isArray(parsed);
    model = readable ? parsed : {};
    if (readable && typeof model.provider === 'string' && profiles.some((p) => p.name === model.provider)) {
      $('#provider').value = model.provider;
      await loadRules();
    }
    $('#file-status').textContent = t('fileRead', f.name) + (readable ? '' : ' ' + t('fileFormPartial'));
    buildForm();
    performance.mark('wa-file-taken');
    await validate();
  }

  function takeAvatar(f) {
    if (!f) return;
    avatar = f;
    const preview = $('#avatar-preview');
    if (preview.src) URL.revokeObjectURL(preview.src);
    preview.src = URL.createObjectURL(f);
    preview.alt = t('avatarRead', f.name);
    preview.hidden = false;
    if (!file) {
      setAt(model, 'profile.avatar', f.name);
      const control = document.getElementById(idOf('profile.avatar'));
      if (control) control.value = f.name;
    }
    schedule(0);
  }

  // ---- Downloads ---------------------------------------------------------------------------------------------------
  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    return name;
  }

  async function problemText(response) {
    const answer = await response.json().catch(() => null);
    return t('serverError', response.status, (answer && (answer.detail || answer.title)) || response.statusText);
  }

  async function downloadChecklist(button) {
    const format = button.dataset.checklist;
    const audience = button.dataset.audience;
    const query = new URLSearchParams({ format, lang, audience });
    if ($('#provider').value) query.set('profile', $('#provider').value);
    const status = $('#download-status');
    try {
      const response = await post('/v1/checklist?' + query);
      if (!response.ok) { status.textContent = await problemText(response); return; }
      const ext = format === 'text' ? 'txt' : format;
      status.textContent = t('downloaded', save(await response.blob(), `${audience === 'pm' ? 'pm-sheet' : 'checklist'}.${lang}.${ext}`));
    } catch { status.textContent = t('network'); }
  }

  function downloadYaml() {
    const text = file && !/\.json$/i.test(file.name) ? file.text
      : '# Onboarding packet written by the wa-onboard pre-flight page (spec/packet.md).\n' + Yaml.write(JSON.parse(packetJson()));
    $('#download-status').textContent = t('downloaded', save(new Blob([text], { type: 'application/yaml' }), 'packet.yaml'));
  }

  // ---- Snippets -----------------------------------------------------------------------------------------------------
  let kinds = null;
  async function makeSnippets() {
    const status = $('#snippet-status');
    const gallery = $('#gallery');
    try {
      kinds ??= await (await fetch('/v1/snippets')).json();
      const text = $('#snippet-text').value;
      const query = new URLSearchParams({ lang });
      if (text) query.set('text', text);
      const cards = [];
      for (const kind of kinds) {
        // The IVR prompt is spoken in the packet's template languages: the page's language does not choose it.
        const own = new URLSearchParams(query);
        if (kind.name === 'ivr') own.delete('lang');
        const response = await post(`/v1/snippets/${encodeURIComponent(kind.name)}?${own}`);
        if (response.status === 422) { gallery.replaceChildren(); status.textContent = t('noNumber'); return; }
        if (!response.ok) { gallery.replaceChildren(); status.textContent = await problemText(response); return; }
        cards.push(snippetCard(kind, await response.text(), query));
      }
      gallery.replaceChildren(...cards);
      status.textContent = t('snippetsMade', cards.length);
    } catch { status.textContent = t('network'); }
  }

  function snippetCard(kind, code, query) {
    const card = el('article', { class: 'snippet', 'data-kind': kind.name, 'aria-labelledby': 'snippet-' + kind.name });
    card.append(el('h3', { id: 'snippet-' + kind.name, text: kind.name }), el('p', { class: 'note', text: `${kind.entryPoint}: ${kind.description}` }));
    const phone = file && !getAt(model, 'phone.number') ? null : getAt(model, 'phone.number');
    const linkQuery = new URLSearchParams(query);
    if (typeof phone === 'string') linkQuery.set('phone', phone);
    if (kind.name === 'qr') {
      const img = el('img', { alt: t('qrAlt'), 'data-preview': '', width: '192', height: '192' });
      // The SVG just rendered for this packet, shown as an image (an image runs no script).
      img.src = URL.createObjectURL(new Blob([code], { type: 'image/svg+xml' }));
      card.append(img);
      const qr = new URLSearchParams(linkQuery);
      const svg = el('p', {}, el('a', { href: '/v1/qr?' + qr + '&format=svg', download: 'whatsapp-qr.svg', text: t('svg') }), document.createTextNode(' · '),
        el('a', { href: '/v1/qr?' + qr + '&format=png', download: 'whatsapp-qr.png', text: t('png') }));
      if (typeof phone === 'string') card.append(svg);
    } else if (kind.mediaType === 'text/html' && typeof phone === 'string') {
      // A sandboxed frame of the same snippet for the number: it runs nothing and cannot reach this page.
      card.append(el('iframe', { sandbox: '', 'data-preview': '', title: t('preview', kind.name), src: `/v1/snippets/${encodeURIComponent(kind.name)}?${linkQuery}` }));
    }
    const pre = el('pre', { tabindex: '0', 'aria-label': kind.name }, el('code', { text: code }));
    if (kind.mediaType !== 'text/html' && kind.name !== 'qr') pre.setAttribute('data-preview', '');
    const copy = el('button', { type: 'button', class: 'secondary', text: t('copy') });
    const copied = el('span', { class: 'note', role: 'status' });
    copy.addEventListener('click', async () => {
      try { await navigator.clipboard.writeText(code); copied.textContent = ' ' + t('copied'); } catch { copied.textContent = ' ' + t('copyFailed'); }
    });
    card.append(pre, copy, copied,
      el('p', { class: 'brand' }, document.createTextNode(t('brand') + ' '), el('a', { href: BRAND_URL, rel: 'noopener noreferrer', target: '_blank', text: t('brandLink') })));
    return card;
  }

  // ---- Record -------------------------------------------------------------------------------------------------------
  async function record() {
    const status = $('#record-status');
    const key = $('#api-key').value.trim();
    try {
      const response = await post('/v1/packets' + profileQuery(), key ? { Authorization: 'Bearer ' + key } : {});
      const answer = await response.json().catch(() => null);
      const number = answer && answer.e164 ? answer.e164 : '';
      status.textContent = response.status === 201 ? t('recorded', number) : response.status === 200 ? t('already', number)
        : response.status === 409 ? t('taken') : response.status === 422 ? t('notValid')
        : response.status === 401 || response.status === 403 ? t('needsKey') : await problemText(response);
    } catch { status.textContent = t('network'); }
  }

  // ---- Language and profiles --------------------------------------------------------------------------------------
  function applyLanguage() {
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll('[data-i18n]')) {
      if (node.id === 'verdict' && report) continue;
      node.textContent = t(node.dataset.i18n);
    }
    document.title = t('title');
    buildForm();
    if (report) showFindings(report, file !== null);
    describeProfile();
  }

  function describeProfile() {
    const profile = profiles.find((p) => p.name === $('#provider').value);
    $('#provider-description').textContent = profile ? profile.description : '';
  }

  async function loadRules() {
    const name = $('#provider').value;
    try { rules = name ? await (await fetch('/v1/rules?profile=' + encodeURIComponent(name))).json() : []; } catch { rules = []; }
    markRules();
    describeProfile();
  }

  // ---- Events -------------------------------------------------------------------------------------------------------
  function onFormInput(event) {
    const control = event.target.closest('[data-path]');
    if (!control) return;
    if (file) { file = null; $('#file-status').textContent = t('formMode'); }
    setAt(model, control.dataset.path, readControl(control));
    schedule();
  }

  function onFormClick(event) {
    const add = event.target.closest('[data-add]');
    const remove = event.target.closest('[data-remove]');
    if (!add && !remove) return;
    if (file) { file = null; $('#file-status').textContent = t('formMode'); }
    if (add) {
      const path = add.dataset.add;
      const list = getAt(model, path);
      const items = Array.isArray(list) ? list : [];
      items.push({});
      setAt(model, path, items);
      buildForm();
      const index = items.length - 1;
      const focus = path === 'hsm' ? `hsm[${index}].elementName` : `${path}[${index}].language`;
      document.getElementById(idOf(focus))?.focus();
    } else {
      const path = remove.dataset.remove;
      const cut = path.lastIndexOf('[');
      const list = getAt(model, path.slice(0, cut));
      list.splice(Number(path.slice(cut + 1, -1)), 1);
      buildForm();
      document.querySelector('[data-add="hsm"]')?.focus();
    }
    schedule();
  }

  async function start() {
    lang = (navigator.language || 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';
    $('#lang').value = lang;
    $('#lang').addEventListener('change', () => { lang = $('#lang').value; applyLanguage(); });
    // The form is built while the profiles and the default profile's rules travel (the page is usable sooner).
    const profilesAnswer = fetch('/v1/profiles').then((r) => r.json()).catch(() => []);
    const rulesAnswer = fetch('/v1/rules?profile=engage-digital').then((r) => r.json()).catch(() => []);
    applyLanguage();
    profiles = await profilesAnswer;
    const select = $('#provider');
    for (const profile of profiles) select.append(el('option', { value: profile.name, text: `${profile.title} (${profile.name})` }));
    select.value = profiles.some((p) => p.name === 'engage-digital') ? 'engage-digital' : (profiles[0] ? profiles[0].name : '');
    select.addEventListener('change', async () => { if (!file) model.provider = select.value; await loadRules(); schedule(0); });
    model.provider = select.value;
    if (select.value === 'engage-digital') { rules = await rulesAnswer; markRules(); describeProfile(); } else await loadRules();

    const form = $('#packet-form');
    form.addEventListener('input', onFormInput);
    form.addEventListener('change', onFormInput);
    form.addEventListener('click', onFormClick);
    form.addEventListener('submit', (event) => event.preventDefault());
    $('#packet-file').addEventListener('change', (event) => takePacketFile(event.target.files[0]));
    $('#avatar-file').addEventListener('change', (event) => takeAvatar(event.target.files[0]));
    const drop = $('#drop');
    drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', async (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      const files = [...event.dataTransfer.files];
      const image = files.find((f) => /^image\//.test(f.type) || /\.(png|jpe?g)$/i.test(f.name));
      const packet = files.find((f) => f !== image);
      if (image) takeAvatar(image);
      if (packet) await takePacketFile(packet);
    });
    $('#download-yaml').addEventListener('click', downloadYaml);
    for (const button of document.querySelectorAll('[data-checklist]')) button.addEventListener('click', () => downloadChecklist(button));
    $('#make-snippets').addEventListener('click', makeSnippets);
    $('#record').addEventListener('click', record);
    document.body.dataset.ready = 'true';
    performance.mark('wa-ready');
  }

  // ---- YAML: enough of it to show a dropped packet in the form, and to write the form's packet ----------------------
  // The server reads the file itself (YamlDotNet); this reader only fills the form, so what it cannot read is left out.
  const Yaml = {
    parse(text) {
      const lines = [];
      for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
        const line = stripComment(raw);
        if (line.trim() === '' || line.trim() === '---') continue;
        if (/^\t/.test(line)) throw new Error('tab');
        lines.push({ indent: line.length - line.trimStart().length, text: line.trim() });
      }
      let i = 0;
      function block(indent) {
        if (i >= lines.length) return null;
        return lines[i].text.startsWith('- ') || lines[i].text === '-' ? seq(lines[i].indent) : map(lines[i].indent);
      }
      function map(indent, first) {
        const out = {};
        if (first) pair(first, out, indent);
        while (i < lines.length && lines[i].indent === indent && !lines[i].text.startsWith('- ')) { const { text } = lines[i++]; pair(text, out, indent); }
        return out;
      }
      function pair(text, out, indent) {
        const m = /^("[^"]*"|'[^']*'|[^:]+?):(?:\s+(.*))?$/.exec(text);
        if (!m) throw new Error('line');
        const key = scalar(m[1]);
        const rest = m[2];
        if (rest === undefined || rest === '') out[key] = i < lines.length && lines[i].indent > indent ? block() : (i < lines.length && lines[i].indent === indent && lines[i].text.startsWith('- ') ? seq(indent) : null);
        else if (rest === '|' || rest === '>' || rest === '|-' || rest === '>-') {
          const parts = [];
          while (i < lines.length && lines[i].indent > indent) parts.push(lines[i++].text);
          out[key] = rest[0] === '|' ? parts.join('\n') : parts.join(' ');
        } else out[key] = flow(rest);
      }
      function seq(indent) {
        const out = [];
        while (i < lines.length && lines[i].indent === indent && (lines[i].text.startsWith('- ') || lines[i].text === '-')) {
          const item = lines[i++].text.slice(1).trim();
          if (item === '') out.push(block());
          else if (/^("[^"]*"|'[^']*'|[^:"'[{]+?):(\s|$)/.test(item)) out.push(map(indent + 2, item));
          else out.push(flow(item));
        }
        return out;
      }
      const value = block(0);
      if (i < lines.length) throw new Error('trailing');
      return value;
    },
    write(value, indent = '') {
      const lines = [];
      for (const [key, v] of Object.entries(value)) {
        if (Array.isArray(v)) {
          if (v.length === 0) { lines.push(`${indent}${key}: []`); continue; }
          lines.push(`${indent}${key}:`);
          for (const item of v) {
            if (item && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length) {
              const inner = Yaml.write(item, indent + '    ').split('\n');
              lines.push(indent + '  - ' + inner[0].trimStart(), ...inner.slice(1));
            } else lines.push(`${indent}  - ${plain(item)}`);
          }
        } else if (v && typeof v === 'object') {
          if (Object.keys(v).length === 0) { lines.push(`${indent}${key}: {}`); continue; }
          lines.push(`${indent}${key}:`, Yaml.write(v, indent + '  '));
        } else lines.push(`${indent}${key}: ${plain(v)}`);
      }
      return lines.join('\n') + (indent ? '' : '\n');
    },
  };
  function plain(v) {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'boolean' || typeof v === 'number') return String(v);
    if (typeof v === 'object') return JSON.stringify(v);
    return JSON.stringify(String(v)); // a JSON string is a YAML double-quoted scalar
  }
  function stripComment(line) {
    let quote = null;
    for (let k = 0; k < line.length; k++) {
      const c = line[k];
      if (quote) { if (c === quote) quote = null; else if (c === '\\' && quote === '"') k++; }
      else if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (k === 0 || /\s/.test(line[k - 1]))) return line.slice(0, k).trimEnd();
    }
    return line;
  }
  function scalar(s) {
    s = s.trim();
    if (s.startsWith('"')) return JSON.parse(s);
    if (s.startsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
    if (s === 'null' || s === '~' || s === '') return null;
    if (s === 'true') return true;
    if (s === 'false') return false;
    if (/^-?\d+(\.\d+)?$/.test(s) && s.length < 16) return Number(s);
    return s;
  }
  function flow(s) {
    s = s.trim();
    if (s.startsWith('[') || s.startsWith('{')) {
      const close = s[0] === '[' ? ']' : '}';
      if (!s.endsWith(close)) throw new Error('flow');
      const parts = split(s.slice(1, -1));
      if (s[0] === '[') return parts.map(flow);
      const out = {};
      for (const part of parts) { const m = /^("[^"]*"|'[^']*'|[^:]+?):\s*(.*)$/.exec(part); if (!m) throw new Error('flow'); out[scalar(m[1])] = flow(m[2]); }
      return out;
    }
    return scalar(s);
  }
  function split(s) {
    const parts = [];
    let depth = 0, quote = null, start = 0;
    for (let k = 0; k < s.length; k++) {
      const c = s[k];
      if (quote) { if (c === quote) quote = null; else if (c === '\\' && quote === '"') k++; continue; }
      if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') depth--;
      else if (c === ',' && depth === 0) { parts.push(s.slice(start, k)); start = k + 1; }
    }
    if (s.slice(start).trim() !== '') parts.push(s.slice(start));
    return parts.map((p) => p.trim());
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
