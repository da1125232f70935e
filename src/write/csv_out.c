/* csv_out: libcsv does the quoting; plain fields stay plain so the output reads easily. */
#include "csv_out.h"

#include <csv.h>
#include <string.h>

void cm_csv_field(FILE *fp, const char *s, int last)
{
    if (strpbrk(s, ",\"\r\n"))
        csv_fwrite(fp, s, strlen(s));
    else
        fputs(s, fp);
    fputc(last ? '\n' : ',', fp);
}
