# One-off import from the old billing system (2016). Python 2; kept "just in case".
import csv
import sys

def main(path):
    reader = csv.reader(open(path, 'rb'))
    count = 0
    for row in reader:
        if not row:
            continue
        count += 1
        print "importing", row[0]
    print >>sys.stderr, "done: %d rows" % count

if __name__ == '__main__':
    main(sys.argv[1])
