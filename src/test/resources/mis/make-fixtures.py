#!/usr/bin/env python3
"""Makes the MIS export fixtures in this folder from gen_school.py's invented school.

    python3 src/test/resources/mis/make-fixtures.py [--gen PATH/TO/gen_school.py]

gen_school.py writes one tidy shape (our column names, ISO dates, LF, no byte-order mark). Real
exports differ, so each file here is that data re-shaped the way a school's export from one
product arrives: SIMS, Arbor and Bromcom column names, UK dates, a byte-order mark, CRLF, ';'
between cells in the Bromcom file. The shapes follow what the products' documentation names the
fields (docs/operations.md, "What the imports accept"); where that is unsure, the aliases are too.

Every name, date and number is invented. UPNs are moved to local authority codes 981-985 (with
their check letters recomputed), which neither the demo school (873) nor other tests (999) use,
so these files can be imported into the shared test database without touching anyone's students.
The output is deterministic: run it again and nothing changes.
"""
import argparse
import csv
import io
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
TODAY = "2026-10-01"
WEEK = "2026-10-05"


def gen(tool, what, students, seed, *extra):
    out = subprocess.run([sys.executable, tool, what, "--students", str(students), "--seed", str(seed), "--today", TODAY,
                          *extra], check=True, capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(out)))


def moved(upn, la):
    """The same UPN in another local authority, with its DfE check letter worked out again."""
    digits = f"{la:03d}" + upn[4:]
    total = sum(int(d) * (i + 2) for i, d in enumerate(digits))
    return CHECK_LETTERS[total % 23] + digits


def uk(iso, padded=True):
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}" if padded else f"{int(d)}/{int(m)}/{y}"


def us(iso):
    y, m, d = iso.split("-")
    return f"{m}/{d}/{y}"


def write(name, header, rows, bom=True, crlf=True, delimiter=","):
    with open(os.path.join(HERE, name), "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{name}: {len(rows)} rows")


SIMS_STUDENTS = ["Adno", "UPN", "Legal Surname", "Legal Forename", "Preferred Surname", "Preferred Forename", "DOB",
                 "Gender", "Year", "Reg Group", "SEN Status", "EHCP", "FSM Eligible", "EAL", "In Care", "Young Carer"]


def sims_row(s, n, la):
    return [f"{1000 + n:05d}", moved(s["UPN"], la), s["Legal Surname"], s["Legal Forename"], s["Legal Surname"],
            s["Preferred Forename"], uk(s["DOB"]), s["Gender"], s["Year"], s["Reg Group"], s["SEN Status"], s["EHCP"],
            s["FSM"], s["EAL"], s["In Care"], s["Young Carer"]]


def students(tool):
    # SIMS: its own column names, DD/MM/YYYY, byte-order mark, CRLF; Adno and Preferred Surname not used
    sims = gen(tool, "students", 600, 21)
    write("sims-students.csv", SIMS_STUDENTS, [sims_row(s, n, 981) for n, s in enumerate(sims)])

    # Arbor: sentence-case names, D/M/YYYY, "Year 8", Yes/No, Male/Female, SEN status in words; no mark, LF
    sen = {"N": "No Special Educational Need", "K": "SEN Support", "E": "EHC Plan"}
    yes = {"Y": "Yes", "N": "No"}
    arbor = gen(tool, "students", 240, 22)
    write("arbor-students.csv",
          ["UPN", "Legal last name", "Legal first name", "Preferred first name", "Date of birth", "Gender", "Year group",
           "Registration form", "SEN status", "EHCP", "FSM", "EAL", "Looked after", "Young carer"],
          [[moved(s["UPN"], 982), s["Legal Surname"], s["Legal Forename"], s["Preferred Forename"], uk(s["DOB"], False),
            {"M": "Male", "F": "Female"}[s["Gender"]], f"Year {s['Year']}", s["Reg Group"], sen[s["SEN Status"]],
            yes[s["EHCP"]], yes[s["FSM"]], yes[s["EAL"]], yes[s["In Care"]], yes[s["Young Carer"]]] for s in arbor],
          bom=False, crlf=False)
    # a week of Arbor attendance for the first 60 of them: D/M/YYYY, Arbor's words for the columns
    week = gen(tool, "attendance", 60, 22, "--week", WEEK)
    write("arbor-attendance.csv", ["UPN", "Week beginning", "Possible", "Present", "Authorised absences",
                                   "Unauthorised absences", "Late"],
          [[moved(a["UPN"], 982), uk(a["Week Commencing"], False), a["Possible Sessions"], a["Attended Sessions"],
            a["Authorised Absence"], a["Unauthorised Absence"], a["Late Before Registers Closed"]] for a in week],
          bom=False, crlf=False)

    # Bromcom: ';' between cells (Excel in a European locale), Legal First/Last Name, Tutor Group, CLA
    bromcom = gen(tool, "students", 240, 23)
    write("bromcom-students.csv",
          ["UPN", "Legal Last Name", "Legal First Name", "Preferred First Name", "Date Of Birth", "Gender", "Year Group",
           "Tutor Group", "SEN Status", "EHCP", "FSM", "EAL", "CLA", "Young Carer"],
          [[moved(s["UPN"], 983), s["Legal Surname"], s["Legal Forename"], s["Preferred Forename"], uk(s["DOB"]),
            {"M": "Male", "F": "Female"}[s["Gender"]], s["Year"], s["Reg Group"], s["SEN Status"], s["EHCP"], s["FSM"],
            s["EAL"], s["In Care"], s["Young Carer"]] for s in bromcom],
          delimiter=";")


def allocation(tool):
    # an allocation list as admissions send it: other words for the columns, UK dates, Male/Female
    rows = gen(tool, "allocation", 120, 24)
    write("allocation-list.csv",
          ["UPN", "Surname", "Forename", "Date of Birth", "Sex", "Previous School", "Previous School URN", "SEN Status",
           "EHCP", "Looked After", "Child Protection Plan", "Parent/Carer Name", "Parent/Carer Phone", "Parent/Carer Email"],
          [[moved(a["UPN"], 984), a["Legal Surname"], a["Legal Forename"], uk(a["DOB"]), {"M": "Male", "F": "Female"}[a["Gender"]],
            a["Feeder School"], a["Feeder School URN"], a["SEN Status"], a["EHCP"], a["In Care"], a["CP Plan"],
            a["Parent Name"], a["Parent Phone"], a["Parent Email"]] for a in rows])


def five_and_bad(tool):
    base = gen(tool, "students", 10, 25)
    rows = [sims_row(s, n, 985) for n, s in enumerate(base)]
    header = SIMS_STUDENTS + ["Address"]
    names = [("O'Neill", "Siobhán", "Siobhán"), ("Nguyễn", "Thị Mai", "Mai"), ("Kowalski", "Łukasz", "Łukasz"),
             ("Okafor, Jr", "Chidi", "Chidi"), ("Brown", "Ava", "Ava")]
    five = []
    for row, (surname, forename, preferred) in zip(rows[:5], names):
        row = list(row)
        row[2], row[3], row[4], row[5] = surname, forename, surname, preferred
        five.append(row + ["12 Oak Road, Anytown"])
    five[1][6] = "05/03/2013"  # day first: 5 March, which a US reading would make 3 May
    five[2][6] = "31/12/2012"  # only a date day first
    write("five-students.csv", header, five)

    bad = [list(r) + ["1 Elm Close"] for r in rows[5:10]]

    us_dates = [list(r) for r in bad]
    for r, s in zip(us_dates, base[5:10]):
        r[6] = us(s["DOB"])
    us_dates[1][6] = "12/31/2012"  # at least one that is a date only month first
    write("bad-us-dates.csv", header, us_dates)

    control = [list(r) for r in bad]
    control[2][2] = "Wal\u0007ker"  # a BEL, as a paste from another program can leave
    write("bad-control-character.csv", header, control)

    duplicate = [list(r) for r in bad]
    duplicate[3][1] = duplicate[0][1]  # row 5 repeats row 2's UPN...
    duplicate[3][3] = ""              # ...and has no forename
    duplicate[3][6] = "13/25/2010"    # ...and a date that is no date either way round
    write("bad-duplicate-upn.csv", header, duplicate)

    unknown = ["Family Name" if h == "Legal Surname" else h for h in header]
    write("bad-unknown-header.csv", unknown, bad)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    candidates = [os.path.join(HERE, *[".."] * n, "shared", "tools", "gen_school.py") for n in (5, 6)]
    p.add_argument("--gen", default=next((c for c in candidates if os.path.exists(c)), candidates[0]),
                   help="gen_school.py (default: shared/tools beside the repository)")
    tool = os.path.abspath(p.parse_args().gen)
    students(tool)
    allocation(tool)
    five_and_bad(tool)


if __name__ == "__main__":
    main()
