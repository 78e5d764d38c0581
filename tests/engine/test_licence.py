from engine.licence import LICENCE_FILE, licence_header, write_licence_file


def test_a_named_licence_is_one_line_and_no_file(tmp_path):
    assert licence_header("cc-by-4.0") == "license: cc-by-4.0\n"
    write_licence_file(tmp_path, "cc-by-4.0", "The corpora's licences apply.")
    assert not (tmp_path / LICENCE_FILE).exists()


def test_other_names_itself_and_links_the_file_that_says_which_terms_apply(tmp_path):
    assert licence_header("other") == "license: other\nlicense_name: unset\nlicense_link: LICENSE.md\n"
    write_licence_file(tmp_path, "other", "The corpora's licences apply.")
    text = (tmp_path / LICENCE_FILE).read_text(encoding="utf-8")
    assert "The corpora's licences apply." in text and "license_name" in text
