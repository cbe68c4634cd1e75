package org.tanghulu.api.definition;

/** The kind of value a data element holds; decides how it is entered and checked. */
public enum DataType {
    /** Free text, checked by length and pattern. */
    TEXT,
    /** A whole number, checked by {@code min}/{@code max}. */
    INTEGER,
    /** A decimal number (amounts of money in yuan), checked by {@code min}/{@code max}. */
    DECIMAL,
    /** A calendar date, ISO-8601 ({@code 2026-11-22}). */
    DATE,
    /** Yes or no. */
    BOOLEAN,
    /** One of the validation's {@code options}. */
    CHOICE,
    /** A mainland-China resident identity number (18 characters, GB 11643 check digit). */
    ID_NUMBER,
    /** A unified social credit code (18 characters, GB 32100 check character). */
    CREDIT_CODE,
    /** An organization code (组织机构代码, 9 characters "XXXXXXXX-X" or without the hyphen, GB 11714 check character). */
    ORGANIZATION_CODE,
    /** A mainland mobile or fixed-line phone number. */
    PHONE,
    /** An e-mail address. */
    EMAIL,
    /**
     * Rows of the same few columns (shareholders, officers, insured staff): the validation's {@link
     * Validation#columns columns} say what each row holds, {@link Validation#minRows minRows} and {@link
     * Validation#maxRows maxRows} how many rows there may be. The value is still one string: a JSON array of
     * objects, one per row, mapping column id to the cell's string value
     * ({@code [{"name":"张明","id-number":"110108197809151545"}]}); a missing or empty cell is an empty value.
     *
     * @since 1.3
     */
    TABLE
}
