package dev.pipestore;

/** The caller's input is wrong; {@link #field()} names the part at fault. Nothing was stored. */
public class InvalidInputException extends StoreException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public InvalidInputException(String field, String message, Throwable cause) {
        super(field + ": " + message, cause);
        this.field = field;
    }

    /** The field, parameter or variable whose value was refused. */
    public String field() {
        return field;
    }
}
