package org.pastoralflow.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one reader of MIS exports: what it accepts, and every problem it names by row and column. */
class MisCsvTest {

    static final List<MisCsv.Column> COLUMNS = List.of(
            MisCsv.Column.of("UPN"),
            MisCsv.Column.of("Legal Surname", "Legal Last Name", "Surname", "Last Name"),
            MisCsv.Column.of("Legal Forename", "Legal First Name", "Forename"),
            MisCsv.Column.of("DOB", "Date of Birth"),
            MisCsv.Column.of("FSM", "FSM Eligible"));

    record Read(String upn, String surname, String forename, LocalDate dob, Boolean fsm, int row) {
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] withBom(String text) {
        byte[] body = utf8(text);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        return all;
    }

    /** Reads every row as an import would, returning the rows without problems. */
    static List<Read> readAll(MisCsv file) throws IOException {
        List<Read> rows = new ArrayList<>();
        for (MisRow r = file.next(); r != null; r = file.next()) {
            Read read = new Read(r.text("UPN", 13, true), r.text("Legal Surname", 100, true), r.text("Legal Forename", 100, true),
                    r.date("DOB"), r.yesNo("FSM"), r.number());
            r.unique("UPN", read.upn());
            if (!r.hasProblems()) {
                rows.add(read);
            }
        }
        return rows;
    }

    static MisCsv open(byte[] content) throws IOException {
        return MisCsv.open(new ByteArrayInputStream(content), COLUMNS);
    }

    @Test
    void workbooksPdfsImagesUtf16AndBinaryAreRecognisedAndTextIsNot() {
        assertThat(MisCsv.binaryKind(bytes('P', 'K', 3, 4, 0))).contains(".xlsx");
        assertThat(MisCsv.binaryKind(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1))).contains(".xls");
        assertThat(MisCsv.binaryKind("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEqualTo("a PDF");
        assertThat(MisCsv.binaryKind(bytes(0x89, 'P', 'N', 'G', 13, 10))).isEqualTo("an image");
        assertThat(MisCsv.binaryKind(bytes(0xFF, 0xFE, 'U', 0, 'P', 0))).contains("UTF-16");
        assertThat(MisCsv.binaryKind(bytes('U', 'P', 'N', 0, ','))).contains("binary");
        assertThat(MisCsv.binaryKind("UPN,Legal Surname\nA1,B\n".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(MisCsv.binaryKind(bytes(0xEF, 0xBB, 0xBF, 'U', 'P', 'N'))).as("UTF-8 with a byte-order mark").isNull();
        assertThat(MisCsv.binaryKind(new byte[0])).isNull();
    }

    @Test
    void aWorkbookComesBackAsOneProblemAndNoRows() throws IOException {
        try (MisCsv file = open(bytes('P', 'K', 3, 4, 20, 0, 6, 0))) {
            assertThat(file.next()).isNull();
            assertThat(file.problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("file");
                assertThat(p.message()).contains("Excel workbook", "CSV UTF-8");
            });
        }
    }

    @Test
    void aBomCrlfAccentsAnApostropheAndAQuotedCommaAreReadAsWritten() throws IOException {
        String csv = "UPN,Legal Surname,Legal Forename,DOB,FSM\r\n"
                + "A1,O'Neill,Siobhán,31/12/2012,Y\r\n"
                + "A2,Nguyễn,Thị Mai,1/9/2014,n\r\n"
                + "A3,\"Kowalski, Jr\",Łukasz,2013-02-28,Yes\r\n"
                + "A4,\"Smith \"\"Smudge\"\"\",Ada,05/06/2012,No\r\n";
        try (MisCsv file = open(withBom(csv))) {
            List<Read> rows = readAll(file);
            assertThat(file.problems()).isEmpty();
            assertThat(rows).containsExactly(
                    new Read("A1", "O'Neill", "Siobhán", LocalDate.of(2012, 12, 31), true, 2),
                    new Read("A2", "Nguyễn", "Thị Mai", LocalDate.of(2014, 9, 1), false, 3),
                    new Read("A3", "Kowalski, Jr", "Łukasz", LocalDate.of(2013, 2, 28), true, 4),
                    new Read("A4", "Smith \"Smudge\"", "Ada", LocalDate.of(2012, 6, 5), false, 5));
            assertThat(file.columnsRead().get(0).statement()).as("the byte-order mark is not part of the first column's name")
                    .isEqualTo("'UPN' read as UPN");
        }
    }

    @Test
    void semicolonsBetweenCellsAreFoundFromTheHeaderRow() throws IOException {
        String csv = "UPN;Surname;Forename;Date of Birth;FSM Eligible\n"
                + "A1;\"Smith; Jones\";Ada;01.02.2013;N\n";
        try (MisCsv file = open(utf8(csv))) {
            assertThat(readAll(file)).containsExactly(new Read("A1", "Smith; Jones", "Ada", LocalDate.of(2013, 2, 1), false, 2));
            assertThat(file.problems()).isEmpty();
        }
        assertThat(MisCsv.delimiter(utf8("\"a,b\";c;d\n1,2,3,4,5"))).as("commas in quotes and on later lines do not count").isEqualTo(';');
        assertThat(MisCsv.delimiter(utf8("UPN,Name\n"))).isEqualTo(',');
    }

    @Test
    void columnsAreFoundByAnyOfTheirNamesAndTheReportSaysWhichWasReadAsWhich() throws IOException {
        String csv = "Adno,upn,SURNAME,Legal Surname,Legal First Name,D.O.B.,FSM Eligible,Address\n"
                + "0042,A1,Smudge,Smith,Ada,31/12/2012,N,\"1 High Street\nAnytown\"\n"
                + "0043,A2,,Jones,Bea,01/01/2013,N,2 Low Road\n";
        try (MisCsv file = open(utf8(csv))) {
            List<Read> rows = readAll(file);
            assertThat(file.problems()).isEmpty();
            assertThat(rows).extracting(Read::surname, Read::row).as("Legal Surname is preferred to Surname; a line break in "
                    + "a quoted cell of an unused column keeps the row whole").containsExactly(tuple("Smith", 2), tuple("Jones", 3));
            assertThat(file.columnsRead()).extracting(ImportReport.ColumnRead::statement).containsExactly(
                    "'Adno' not used", "'upn' read as UPN", "'SURNAME' not used", "'Legal Surname' read as Legal Surname",
                    "'Legal First Name' read as Legal Forename", "'D.O.B.' read as DOB", "'FSM Eligible' read as FSM",
                    "'Address' not used");
            assertThat(file.label("DOB")).isEqualTo("D.O.B.");
        }
    }

    @Test
    void aMissingColumnIsNamedWithTheNamesAcceptedForItAndNoRowIsRead() throws IOException {
        try (MisCsv file = open(utf8("UPN,Family Name,Forename,DOB,FSM\nA1,Smith,Ada,01/01/2013,N\n"))) {
            assertThat(file.next()).isNull();
            assertThat(file.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.field()).isEqualTo("Legal Surname");
                assertThat(p.message()).startsWith("The header row lacks column(s): Legal Surname.")
                        .contains("Legal Surname (or Legal Last Name, Surname, Last Name)");
            });
            assertThat(file.columnsRead()).extracting(ImportReport.ColumnRead::statement).contains("'Family Name' not used");
        }
    }

    @Test
    void datesAreReadDayFirstOrIsoAndAnythingElseIsAProblemNamingRowAndColumn() throws IOException {
        String csv = "UPN,Surname,Forename,Date of Birth,FSM\n"
                + "A1,Aa,Ada,13/25/2010,N\n"
                + "A2,Bb,Bea,31/02/2012,N\n"
                + "A3,Cc,Cal,31/12/12,N\n"
                + "A4,Dd,Dot,next Tuesday,N\n"
                + "A5,Ee,Eve,2012-13-01,N\n"
                + "A6,Ff,Fay,,N\n";
        try (MisCsv file = open(utf8(csv))) {
            assertThat(readAll(file)).isEmpty();
            assertThat(file.problems()).extracting(ImportReport.Problem::line, ImportReport.Problem::field, ImportReport.Problem::message)
                    .containsExactly(
                            tuple(2, "Date of Birth", "Date of Birth '13/25/2010' is not a date: there is no month 25."),
                            tuple(3, "Date of Birth", "Date of Birth '31/02/2012' is not a date: February 2012 has no day 31."),
                            tuple(4, "Date of Birth", "Date of Birth '31/12/12' has a two-digit year: export the year in full, like 31/12/2012."),
                            tuple(5, "Date of Birth", "Date of Birth 'next Tuesday' is not a date: write it day first, like 31/12/2012, or as 2012-12-31."),
                            tuple(6, "Date of Birth", "Date of Birth '2012-13-01' is not a date: there is no month 13."),
                            tuple(7, "Date of Birth", "Date of Birth is empty."));
        }
    }

    @Test
    void aDateThatIsOnlyADateMonthFirstRefusesTheWholeColumnInsteadOfGuessing() throws IOException {
        String csv = "UPN,Surname,Forename,DOB,FSM\n"
                + "A1,Aa,Ada,05/06/2012,N\n"      // a date either way round: which, the file does not say
                + "A2,Bb,Bea,12/31/2012,N\n"      // only a date month first: the file is in US order
                + "A3,Cc,Cal,02/28/2013,N\n";
        try (MisCsv file = open(utf8(csv))) {
            readAll(file);
            assertThat(file.problems()).extracting(ImportReport.Problem::line, ImportReport.Problem::field)
                    .containsExactly(tuple(1, "DOB"), tuple(3, "DOB"), tuple(4, "DOB"));
            assertThat(file.problems().get(0).message()).contains("row 3 has '12/31/2012'", "month first (US order)",
                    "nothing was guessed");
            assertThat(file.problems().get(1).message()).contains("there is no month 31", "UK dates");
        }
    }

    @Test
    void everyProblemOfARowIsReportedIncludingAUpnSeenBeforeAndControlCharactersNameTheirColumn() throws IOException {
        String csv = "UPN,Surname,Forename,DOB,FSM\n"
                + "A1,Aa,Ada,01/01/2012,N\n"
                + "A1,,Bel\u0007la,2012/01/01,maybe\n"
                + "A3,Cc,Siobha\u0301n,01/01/2012,N\n";
        try (MisCsv file = open(utf8(csv))) {
            List<Read> rows = readAll(file);
            assertThat(file.problems()).extracting(ImportReport.Problem::line, ImportReport.Problem::field).containsExactly(
                    tuple(3, "Surname"), tuple(3, "Forename"), tuple(3, "DOB"), tuple(3, "FSM"), tuple(3, "UPN"));
            assertThat(file.problems()).extracting(ImportReport.Problem::message).containsExactly(
                    "Surname is empty.",
                    "Forename contains a control character (U+0007 at position 4).",
                    "DOB '2012/01/01' is not a date: write it day first, like 31/12/2012, or as 2012-12-31.",
                    "FSM 'maybe' must be Y or N (or Yes or No).",
                    "UPN A1 appears more than once in the file (first on row 2).");
            assertThat(rows).extracting(Read::forename).as("text is kept in NFC").containsExactly("Ada", "Siobhán");
            assertThat(rows.get(1).forename()).isEqualTo("Siobh\u00e1n");
        }
    }

    @Test
    void aFileInAnotherEncodingOrWithAnUnclosedQuoteIsAProblemNotAnError() throws IOException {
        byte[] latin1 = "UPN,Surname,Forename,DOB,FSM\nA1,Ó Súilleabháin,Ada,01/01/2012,N\n".getBytes(StandardCharsets.ISO_8859_1);
        try (MisCsv file = open(latin1)) {
            readAll(file);
            assertThat(file.problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("file");
                assertThat(p.message()).contains("not UTF-8", "CSV UTF-8");
            });
        }
        try (MisCsv file = open(utf8("UPN,Surname,Forename,DOB,FSM\nA1,\"Smith,Ada,01/01/2012,N\n"))) {
            readAll(file);
            assertThat(file.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.message()).contains("never closed");
            });
        }
    }

    @Test
    void aLimitedBodyFailsOnlyOnceMoreThanTheLimitHasBeenRead() throws IOException {
        byte[] ten = utf8("0123456789");
        try (InputStream exactly = MisCsv.limited(new ByteArrayInputStream(ten), 10)) {
            assertThat(exactly.readAllBytes()).hasSize(10);
        }
        InputStream over = MisCsv.limited(new ByteArrayInputStream(ten), 9);
        assertThatThrownBy(over::readAllBytes).isInstanceOf(MisCsv.TooLargeException.class)
                .satisfies(e -> assertThat(((MisCsv.TooLargeException) e).limit()).isEqualTo(9));
        String big = "UPN,Surname,Forename,DOB,FSM\n" + "A1,Aa,Ada,01/01/2012,N\n".repeat(2000);
        assertThatThrownBy(() -> readAll(MisCsv.open(MisCsv.limited(new ByteArrayInputStream(utf8(big)), 20_000), COLUMNS)))
                .as("past the first 8 KB the parser meets the limit too").isInstanceOf(MisCsv.TooLargeException.class);
    }

    @Test
    void aFileOfNothingButBadRowsKeepsTheFirstThousandProblemsAndCountsTheRest() throws IOException {
        String csv = "UPN,Surname,Forename,DOB,FSM\n" + "A1,Aa,Ada,01/01/2012,maybe\n".repeat(1200);
        try (MisCsv file = open(utf8(csv))) {
            assertThat(readAll(file)).isEmpty();
            assertThat(file.rowsRead()).isEqualTo(1200);
            List<ImportReport.Problem> problems = file.problems();
            assertThat(problems).hasSize(MisCsv.MOST_PROBLEMS + 1);
            assertThat(problems.get(MisCsv.MOST_PROBLEMS).message()).startsWith("And 1399 more problems on later rows");
        }
    }

    @Test
    void anOptionalColumnIsReadByAnyOfItsNamesAndReadsAsEmptyWhenTheFileLeavesItOut() throws IOException {
        List<MisCsv.Column> columns = List.of(MisCsv.Column.of("UPN"), MisCsv.Column.optional("Late After Registers Closed", "Late (U)"));
        try (MisCsv with = MisCsv.open(new ByteArrayInputStream(utf8("UPN,Late (U)\r\nA1,2\r\n")), columns)) {
            MisRow row = with.next();
            assertThat(row.whole("Late After Registers Closed")).isEqualTo(2);
            assertThat(row.label("Late After Registers Closed")).isEqualTo("Late (U)");
        }
        try (MisCsv without = MisCsv.open(new ByteArrayInputStream(utf8("UPN\nA1\n")), columns)) {
            assertThat(without.problems()).isEmpty();
            assertThat(without.next().cell("Late After Registers Closed")).isEmpty();
        }
        // a required column left out still refuses the file, naming it
        try (MisCsv refused = MisCsv.open(new ByteArrayInputStream(utf8("Late (U)\n2\n")), columns)) {
            assertThat(refused.problems()).extracting(ImportReport.Problem::field).containsExactly("UPN");
        }
    }
}
