-- One row per figure dated by a year its own text gives ("2014年", "2014"): whether that year is
-- written as a year in the sentence, not glued to a further digit ("由22014年的约1,000间": the
-- period reader took the last four digits). A year of five digits is the source's misprint; the
-- figure's value is not in doubt, so it is listed, not quarantined.
select
    figure_id as row_key,
    figure_id,
    document_id,
    surface_text,
    period_text,
    period_label,
    regexp_extract(sentence_text, '[0-9]+' || period_text) as written_year,
    not coalesce(regexp_matches(sentence_text, '(^|[^0-9.,])[0-9]' || period_text || '([^0-9]|$)'), false)
        as is_year_well_formed
from marts.fct_figure
-- only plain years: the text is then safe to use inside a pattern
where period_source = 'text' and regexp_matches(period_text, '^[0-9]{4}年?$')
