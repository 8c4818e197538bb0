import { describe, expect, it } from 'vitest';
import { redact, withoutPlaceholders } from '../../src/privacy/redact.js';

// Synthetic, checksum-valid numbers (not real people): a fødselsnummer and a D-nummer.
const FNR = '13097248022';
const DNR = '53097248016';

describe('redact', () => {
  it('removes a valid fødselsnummer, also written 6+5', () => {
    for (const q of [`Bruker ${FNR} trenger hjelp`, 'Bruker 130972 48022 trenger hjelp']) {
      const r = redact(q);
      expect(r.text).toBe('Bruker [fødselsnummer] trenger hjelp');
      expect(r.kinds).toEqual(['fodselsnummer']);
    }
  });

  it('removes a valid D-nummer and says so', () => {
    const r = redact(`D-nummer ${DNR}, hva gjør vi?`);
    expect(r.text).not.toContain(DNR);
    expect(r.kinds).toEqual(['d-nummer']);
  });

  it('removes a mistyped fødselsnummer too: 11 digits that start with a birth date, checksum or not', () => {
    const r = redact('Mitt fnr er 01010112345, hva nå?');
    expect(r.text).toBe('Mitt fnr er [fødselsnummer], hva nå?');
    expect(r.kinds).toEqual(['fodselsnummer']);
  });

  it('leaves an 11-digit number that cannot start with a birth date', () => {
    expect(redact('Saksnummer 99999912345').kinds).toEqual([]);
  });

  it('removes Norwegian phone numbers in every common form', () => {
    for (const phone of ['98765432', '987 65 432', '98 76 54 32', '+47 98765432', '+4798765432', '0047 987 65 432', '2234 5678']) {
      const r = redact(`Ring meg på ${phone} om nalokson`);
      expect(r.text, phone).toBe('Ring meg på [telefonnummer] om nalokson');
      expect(r.kinds).toEqual(['phone']);
    }
  });

  it('removes e-mail addresses', () => {
    const r = redact('Send svar til kari.nordmann@bydel-nordstrand.oslo.kommune.no takk');
    expect(r.text).toBe('Send svar til [e-post] takk');
    expect(r.kinds).toEqual(['email']);
  });

  it('does not touch plan periods, years, measure ids or counts', () => {
    for (const q of [
      'Hva står i planen for 2021–2024?',
      'Hva er tiltak 2.2.2 og 10S?',
      'Planen 2021 2024 i Grünerløkka',
      'Bydelen hadde 305 personer i TSB i 2021',
      'Hva er tiltak 11 i Gamle Oslo?',
    ]) {
      expect(redact(q)).toEqual({ text: q, kinds: [] });
    }
  });

  it('removes a name next to a diagnosis', () => {
    const r = redact('Kari Nordmann har schizofreni, hvem kan hjelpe?');
    expect(r.text).toBe('[navn] har schizofreni, hvem kan hjelpe?');
    expect(r.kinds).toEqual(['name']);
    expect(redact('Hvordan hjelper jeg Ola med bipolar lidelse?').text).toBe('Hvordan hjelper jeg [navn] med bipolar lidelse?');
    expect(redact('My client John Smith has schizophrenia').text).toBe('My client [navn] has schizophrenia');
  });

  it('gives no false alarm on units and districts next to diagnoses', () => {
    for (const q of [
      'Hva gjør Bydel Gamle Oslo for personer med schizofreni?',
      'Hvordan følger Velferdsetaten opp rusavhengige i Søndre Nordstrand?',
      'Har NAV ved Helse, mestring og bolig tilbud ved psykose?',
      'Hvilke bydeler har FACT-team for personer med ROP-lidelse?',
      'Hva har Avdeling Lokalsamfunn ansvar for i Gamle Oslo?',
    ]) {
      expect(redact(q), q).toEqual({ text: q, kinds: [] });
    }
  });

  it('reports several kinds at once, in a stable order', () => {
    const r = redact(`Ola Hansen (${FNR}, 41234567, ola@example.com) har psykose`);
    expect(r.kinds).toEqual(['fodselsnummer', 'phone', 'email', 'name']);
    expect(r.text).not.toMatch(/Ola|Hansen|41234567|example|13097248022/);
  });

  it('leaves nothing of the removed data, label included, in what is searched', () => {
    const r = redact(`Fødselsnummer: ${FNR}, tlf 41234567, e-post ola@example.com. Hvem deler ut nalokson?`);
    expect(withoutPlaceholders(r.text)).toBe(', , . Hvem deler ut nalokson?');
  });

  it('matches a fødselsnummer on its digits, whatever is typed between or as them', () => {
    for (const fnr of ['130 972 480 22', '13.09.72 48022', '130972/48022', '130972–48022', '130972 - 48022', '１３０９７２４８０２２', '١٣٠٩٧٢٤٨٠٢٢', '13 09 72 480 22']) {
      const r = redact(`Brukeren har fnr ${fnr}, hva gjør vi?`);
      expect(r.text, fnr).toBe('Brukeren har fnr [fødselsnummer], hva gjør vi?');
      expect(r.kinds).toEqual(['fodselsnummer']);
    }
  });

  it('matches a phone number on its digits, with dots, single spaces or Unicode digits', () => {
    for (const phone of ['91 234 567', '912.34.567', '4 1 2 2 3 3 4 4', '912-34-567', '９１２３４５６７', '+47 912.34.567', '22 33 44 55']) {
      expect(redact(`Ring meg på ${phone} om nalokson`).text, phone).toBe('Ring meg på [telefonnummer] om nalokson');
    }
  });

  it('removes e-mail addresses written with (at) or spaces around @', () => {
    for (const mail of ['navn(at)domene.no', 'navn @ domene.no', 'navn [at] domene.no', 'navn＠domene.no', 'kari.nordmann (at) bydel-alna.oslo.kommune.no']) {
      const r = redact(`Send svar til ${mail} takk`);
      expect(r.text, mail).toBe('Send svar til [e-post] takk');
      expect(r.kinds).toEqual(['email']);
    }
  });

  it('removes a date of birth, and then the name the date stood between', () => {
    for (const born of ['født 13.09.1972', 'født den 13.9.72', 'f. 13/09/1972', 'født 13. september 1972', 'fødselsdato: 1972-09-13', 'født 1972']) {
      const r = redact(`Ola Hansen, ${born}, har ADHD`);
      expect(r.text, born).not.toMatch(/13|1972|Ola|Hansen/);
      expect(r.kinds).toEqual(['birthdate', 'name']);
    }
    expect(redact('Pasienten er 13.09.1972 og trenger LAR').text).toBe('Pasienten er [fødselsdato] og trenger LAR');
  });

  it('removes a name in lower case, hyphenated, or in the sentence before the diagnosis', () => {
    expect(redact('kari nordmann har schizofreni').text).toBe('[navn] har schizofreni');
    expect(redact('Jan-Erik Ødegård, han har ADHD').text).toBe('[navn], han har ADHD');
    expect(redact('jan-erik ødegård, han har adhd').text).toBe('[navn], han har adhd');
    expect(redact('Brukeren heter Kari. Hun har schizofreni, hva gjør vi?').text).toBe('Brukeren heter [navn]. Hun har schizofreni, hva gjør vi?');
    expect(redact('Kari Nordmann er ny hos oss. Hun har schizofreni.').text).toBe('[navn] er ny hos oss. Hun har schizofreni.');
    expect(redact('Per er bostedsløs og ruser seg, hvem hjelper?').text).toBe('[navn] er bostedsløs og ruser seg, hvem hjelper?');
  });

  it('keeps a name in a question about no person', () => {
    expect(redact('min kollega Kari lurer på hva LAR er')).toEqual({ text: 'min kollega Kari lurer på hva LAR er', kinds: [] });
    expect(redact('Hva sier Tryggere liv om nalokson per dag?').kinds).toEqual([]);
  });
});
