from crm.searchtext import email_terms, fold, index_terms, phone_terms, query_terms


def test_fold_removes_latin_accents_and_full_width_forms_but_keeps_kana_and_hangul():
    assert fold("Ōita ＯＩＴＡ") == "oita oita"
    assert fold("がっこう 수원") == "がっこう 수원"


def test_index_terms_keeps_every_suffix_of_a_cjk_run():
    assert {"韓國瑜", "國瑜", "瑜"} <= index_terms("韓國瑜")


def test_index_terms_splits_and_joins_hyphenated_words():
    assert {"yeom", "tae", "young", "taeyoung"} <= index_terms("Yeom Tae-young")
    assert "obrien" in index_terms("O'Brien")


def test_query_terms_are_words_and_cjk_runs():
    assert query_terms("  Brent  CHRISTENSEN ") == ["brent", "christensen"]
    assert query_terms("Tae-young") == ["taeyoung"]
    assert query_terms("2019高雄") == ["2019", "高雄"]
    assert query_terms("") == []
    assert query_terms("!!!") == []


def test_query_terms_read_a_phone_number_as_its_digits():
    assert query_terms("+886 (7) 799-5678") == ["88677995678"]
    assert query_terms("0912 345 678") == ["0912345678"]


def test_email_terms_hold_the_address_and_its_parts():
    assert {"brent.christensen@state.gov", "brent", "christensen", "state"} <= email_terms(
        "Brent.Christensen@state.gov"
    )


def test_phone_terms_make_any_tail_of_the_digits_a_prefix():
    terms = phone_terms("+886 7 799 5678", "07 799 5678")
    assert {"88677995678", "77995678", "077995678", "5678"} <= terms
    assert "678" not in terms
