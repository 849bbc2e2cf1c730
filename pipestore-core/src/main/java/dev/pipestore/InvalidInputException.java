package dev.pipestore;

/** The caller's input is wrong; {@link #field()} names the part at fault. Nothing was stored. */
public class InvalidInputException extends StoreException {

    private final String field;
    private final String reason;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
        this.reason = message;
    }

    public InvalidInputException(String field, String message, Throwable cause) {
        super(field + ": " + message, cause);
        this.field = field;
        this.reason = message;
    }

    /** The same refusal reported under another name. */
    public InvalidInputException renamed(String newField) {
        return new InvalidInputException(newField, reason, this);
    }

    /** The same refusal in item {@code index} of the list {@code list}: {@code items[3].confidence} for item 3. */
    public InvalidInputException inItem(String list, int index) {
        return renamed(list + "[" + index + "]." + field);
    }

    /** The field, parameter or variable whose value was refused. */
    public String field() {
        return field;
    }

    /** What is wrong with the value, without the field's name. */
    public String reason() {
        return reason;
    }
}
