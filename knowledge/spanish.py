"""Spanish questions read in English words, so that they meet the postings' (English) sentences.

A question is read word by word with a small glossary of the words applicants use about jobs
and applying: phrases first ("fecha límite" -> "deadline", "¿cuánto tiempo?" -> "how long"),
then single words, then a word's Spanish stem ("pagarían" -> "pagar" -> "pay"). Words the glossary
does not know stay as they are (English words in mixed text, names, numbers). The question is only
read, never answered in translation: the answers quote the posting itself.

No glossary word is an English word applicants use ("once", "auto", "red" are left out); a test
checks this against the English questions and the postings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import snowballstemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

# spanish | english, one entry a line; the Spanish side may list several forms with commas. An
# empty English side drops the word (words that carry nothing for the search).
_GLOSSARY = """
# asking: question words and how a question asks
cuando, cuándo | when
hasta cuando, para cuando, a mas tardar cuando | by when
cuanto tiempo, por cuanto tiempo, cuantos meses, cuantos anos, cuanto dura, cuanto duran | how long
cuanto, cuanta | how much
cuantos, cuantas | how many
cuanto pagan, cuanto paga, cuanto se gana, cuanto ganaria, cuanto gano, cuanto ganan | how much does it pay
cuanto pagarian | how much does it pay
de cuanto es, cuanto es | how much is
donde, adonde, en donde | where
de donde | where from
quien, quienes, a quien, con quien, a quienes | who
cual, cuales | which
que, qué | what
como | how
como funciona, como es | how does it work
por que, porque | why
hay | there is
habra, habrá | will there be
se puede, puedo, podria, pueden, puede | can
tengo que, hay que, debo, necesito, ocupo, requiero, necesitan, necesita | need
tengo, tienen, tiene, tienes | have
es, son, esta, estan, sera, seria, fue | is
estoy, soy | i am
mi, mis | my
yo | i
le, les | them
su, sus | their
ellos, ellas | they
ese, esa, eso, esos, esas | that
este, esto, estos, estas | this
ese puesto, esa vacante, ese trabajo | that one
y | and
o | or
tambien | also
entonces | so
y que tal, y que hay de, y sobre, que tal | what about
de | of
del | of the
el, la, los, las, lo | the
un, una, unos, unas | a
al | to the
en | in
por, para | for
con | with
sin | without
sobre, acerca de | about
desde | from
hasta | until
antes de | before
despues de, después | after
si | if
ya | already
todavia, aun, aún, sigue, siguen | still
mas, más | more
muy, bien, pues, oye, porfa, favor, por favor, hola, buenas, buenos, dias, gracias, ok, okay, vale, sale, ah, eh, mmm |

# talking: greetings, thanks, goodbyes, the bot itself, calling things off, choosing a posting
buenos dias, buen dia | good morning
saludos, holis, ola, holaa, que onda, que tal | hello
me voy, ya me voy, bueno | bye
te pasaste, ahi, alli, aqui, aca |
buenas tardes, tardes | good afternoon
buenas noches, noches | good evening
muchas, mucho, muchos, muchisimas, mil, todos, todas |
adios, chao, chau, hasta luego, hasta pronto, hasta manana, nos vemos, hasta la proxima, hasta lueguito | goodbye
cuidate, que le vaya bien, que tengas buen dia, ahi nos vemos | take care
agradezco, agradecido, agradecida, te agradezco, se lo agradezco, grasias, gracia | thanks
amable, muy amable | kind
util, sirvio, me sirvio | helpful
excelente, perfecto, genial, padre, chido | great
eres, es usted | are you
hablo, hablar, habla, hablando, hablamos, hable, platicar | talk
contesta, contestando, responde, respondiendo, me contesta | talking
programa | program
humano, humana | human
maquina, computadora que contesta, programa que contesta | machine
automatico, automatica | automated
inteligencia artificial | artificial intelligence
asistente, asistente virtual | assistant
de verdad, real, de carne y hueso | real
agente, representante, operador | agent
pasame, comunicame, pasar con | transfer me to
alguien | someone
olvidalo, olvidalo, olvida, olvidar, olvida lo que te dije | forget it
cancelar, cancela, cancelo, cancelalo | cancel
detente, para ya, alto | stop
dejalo, dejalo asi, dejalo asi | leave it
ya no quiero, ya no | never mind
no importa, mejor no | never mind
salir, me salgo | quit
luego, mas tarde, despues | later
quiero, quisiera, queria, me gustaria | want
cambia, cambiar, cambiemos, cambio | switch
me refiero, me referia, quise decir | i mean
me interesa, interesado, interesada | interested
mejor | rather
hablemos de, hablemos del | talk about
sabes, conoces | do you know
puedes, podrias | can you
ayudar, ayudarme, ayudame, ayuda | help
contestas, respondes | do you answer
sirves | are you for

# asking for everything, or for one item of the last answer
cuentame sobre, cuentame de, hablame de, hablame sobre, dime sobre, dime de, informacion sobre | tell me about
dime, dame, cuentame, hablame, muestrame, ensename, quiero saber | tell me
todos los, todas las | all the
todo | everything
lista, enlista, enumera | list
describeme, describa | describe
explica, explicame | explain
completo, completa, entero, entera | full
cual es el proceso, como es el proceso | what is the process
como hago con, como le hago con, como manejo, que hago con, que hago sobre | how do i handle
como le hago para, como hago para | how do i go about
que hago, que debo hacer, que tengo que hacer | what do i do
primero, primera, primer, 1ro, 1ra | first
segundo, segunda, 2do, 2da | second
tercero, tercera, tercer, 3ro, 3ra | third
cuarto, cuarta | fourth
quinto, quinta | fifth
ultimo, ultima | last
numero | number
el otro, la otra | the other one

# the job and applying
trabajo, empleo, puesto, chamba, job | job
trabajos, empleos, puestos, chambas | jobs
trabajar, trabajando, trabaje, trabajaria | work
convocatoria, anuncio, oferta de empleo, oferta de trabajo | posting
convocatorias, anuncios | postings
vacantes, plazas, puestos disponibles, posiciones abiertas | vacancies
vacante, plaza | job
esta vacante, esta plaza, esta convocatoria, este puesto, este trabajo, este empleo | this job
solicitud, solicitudes, aplicacion, aplicaciones, postulacion | application
aplicar, aplico, aplique, postularme, postular, postulo, solicitar, meter mi solicitud | apply
candidato, candidatos, candidata, aspirante, aspirantes, solicitante, solicitantes | candidates
enviar, envio, envie, mandar, mando, mande, entregar, entrego, presentar la solicitud | submit
presentar, presento, presentan, presentarse | present
recibir, recibi, recibieron, llego, llegó, me llego, llega | received
empleado, empleados, empleada, trabajador, trabajadores | employees
empleador, patron | employer
distrito, distrito escolar | district
los angeles | los angeles
ciudad | city
condado | county
escuela, escuelas | schools
estudiantes, alumnos | students
universidad | university
gente, personas | people
persona, alguien | person
humano | human

# deadline
fecha limite, fecha de cierre, ultimo dia, ultimo dia para aplicar, plazo, deadline | deadline
fecha, fechas | date
dia | day
cierra, cierran, cerrar, cierre, cerro, vence, vencen, vencimiento, se cierra | close
abierta, abierto, abiertas, abren, abre, apertura | open
periodo de inscripcion, periodo de solicitud, periodo de registro | filing period
extendieron, extender, extienden, extendido, prorroga, ampliaron, ampliar | extended
tarde | late
primera consideracion | first consideration

# pay
sueldo, sueldos, salario, salarios, remuneracion, compensacion | salary
paga, pago, pagan, pagar, pagarian, pagaria, pagarán | pay
ganar, gana, gano, ganaria, ganan | earn
dinero, lana | money
por hora, la hora | hourly
al ano, anual, anualmente, por ano | annually
al mes, mensual, por mes, mensualmente | monthly
rango, rango salarial | range
inicial, para empezar, al empezar, al principio | starting
dolares | dollars

# requirements and education
requisitos, requisito, requerimientos, requerimiento, requisitos minimos | requirements
requieren, requiere, exigen, exige, necesario | required
piden, pide, solicitan, quieren | want
calificaciones minimas | minimum qualifications
calificar, califico, califica, calificaria | qualify
elegible, elegibles | eligible
cumplir, cumplo, cumple | meet
cumplir con los requisitos, cumplir con todos los requisitos, cumplir los requisitos | requirements be met
titulo, titulos, carrera, grado | degree
titulo universitario | college degree
licenciatura | bachelor's degree
asociado, titulo de asociado, grado de asociado | associate degree
preparatoria, prepa, secundaria, high school | high school
diploma, diplomas | diploma
estudios, educacion, formacion, escolaridad | education
experiencia | experience
anos | years
ano | year
meses | months
mes | month
semanas | weeks
semana | week
contabilidad, contable, contables | accounting
contador, contadora | accountant
teneduria de libros, teneduria | bookkeeping
sustituir, sustituye, reemplazar, en lugar de, en vez de | substitute
equivalente | equivalent
sector publico | public sector
agencia publica | public agency
cursos, clases | courses
universitaria, universitario, universitarios | college
creditos | units

# transcripts and foreign degrees
certificado de estudios, certificados de estudios, kardex, transcripciones, historial academico | transcripts
expediente academico, boleta de calificaciones, transcripts | transcripts
calificaciones, notas | grades
certificados academicos, certificacion, certificaciones, certificado, certificados | certifications
extranjero, extranjeros, extranjera, extranjeras, del extranjero, en el extranjero, de fuera | foreign
otro pais, otros paises | another country
evaluar, evalua, evaluan, evaluacion, evaluaciones, evaluado | evaluation
evaluadores, evaluador, organizaciones de evaluacion | evaluators
reporte detallado, informe detallado | detailed report
subir, subo, adjuntar, adjunto, cargar | upload
traducir, traduccion | translate
validar, convalidar, revalidar, reconocer | evaluate
mexico, méxico | mexico
filipinas | philippines
espana, españa | spain
brasil | brazil
japon | japan
corea | korea
estados unidos, eeuu, ee uu | united states

# VPN and IT
red privada virtual | virtual private network
red externa, fuera de la red, desde afuera, desde fuera | external network
la red, red del distrito | the network
conectar, conecto, conectarme, me conecto, conectarse, entrar | connect
instalar, instalo, instalacion | install
soporte tecnico, ayuda tecnica, mesa de ayuda | technical help
problema tecnico, problemas tecnicos, falla, fallas | technical problems
problema, problemas | problems
pagina web, sitio web, sitio, portal web | website
pagina, paginas | page
en linea, online | online
cuenta | account
contrasena, clave | password
iniciar sesion | sign in
archivo, archivos, documento, documentos | documents
no funciona, no sirve, no jala, no carga | not working
computadora | computer

# accommodation
adaptacion, adaptaciones, acomodacion, acomodaciones, acomodo, ajuste razonable, ajustes razonables | accommodation
adaptacion razonable, adaptaciones razonables, acomodo razonable | reasonable accommodation
discapacidad, discapacidades, discapacitado, discapacitada, discapacitados | disability
examen, examenes | exam
prueba, pruebas, test | test
silla de ruedas | wheelchair
sordo, sorda | deaf
ciego, ciega | blind
tiempo extra para el examen | extra time
interprete | interpreter
lenguaje de senas | sign language

# selection and the eligibility list
proceso de seleccion | selection process
seleccion | selection
seleccionan, escogen, eligen, seleccionar | select
entrevista, entrevistas | interview
entrevista oral | oral appraisal
escrita, escrito | written
opcion multiple | multiple choice
habilidades | skills
competitivo, competencia | competitive
contratacion, contratar, contratan, contrata | hiring
proceso de contratacion | hiring process
pasos, etapas | steps
puntaje, puntuacion | score
lista de elegibilidad, lista de elegibles, lista de contratacion, lista de candidatos, lista | eligibility list
rangos, rango de la lista | ranks
ofertas | offers
valida, vigente, dura, duran, durar | last

# benefits
prestaciones, beneficios, benefits | benefits
seguro, seguros, aseguranza | insurance
seguro medico, seguro de salud | medical insurance
seguro de vida | life insurance
de la vista, de vista, la vista | vision
jubilacion, retiro | retirement
vacaciones | vacation
dias festivos, feriados, dias feriados, festivos | holidays
dias de enfermedad, incapacidad | sick leave
familia | family

# contacts
contacto, contactar, contacto de, comunicarme, comunicarse, ponerme en contacto | contact
correo, correos, correo electronico | email
telefono, numero de telefono, celular | phone number
llamar, llamo, llamada | call
escribir, escribo, escribirles, le escribo | email
preguntas, pregunta, dudas, duda | questions
recursos humanos | human resources
oficina | office
encargado, encargada | person in charge

# confirmation email
confirmacion, confirmar, confirmado, confirme | confirmation
mismo dia | same day
correo no deseado, spam, basura | spam
bandeja, bandeja de entrada | inbox
dominio, dominios | domains

# location
ubicacion, lugar | location
ubicado, ubicada, queda, se encuentra | located
departamento | department
division | division
sede, centro | site
direccion | address
tiempo completo, jornada completa | full time
medio tiempo, tiempo parcial | part time
tipo de puesto | job type

# job number
numero de convocatoria, numero del puesto, numero de puesto, numero de empleo, numero de la vacante | job number
numero de vacante, numero del trabajo, numero de trabajo, numero de la convocatoria, job number | job number
codigo, codigo del puesto | job code
numero de referencia, folio | reference number

# duties
funciones, funcion, deberes, obligaciones, labores | duties
tareas, tarea, actividades | tasks
responsabilidades | responsibilities
dia a dia | day to day
cuentas por pagar | accounts payable
cuentas por cobrar | accounts receivable
conciliar, conciliacion | reconcile
facturas, factura | invoices
nomina | payroll
presupuesto | budget
hacer, hace, hacen, haria, hago, hacemos | do
tecnico, tecnica | technician
procesar, procesa, procesaria, procesan | process
proveedor, proveedores | vendors
voy, vamos, va | go
revisar, reviso, revisen, checar, consultar, verificar | check
estado, estatus, status | status
incluye, incluyen, incluir | include
ofrecen, ofrece, dan, da | offer

# probation and background
periodo de prueba, periodo probatorio, probatoria, probatorio, probacion | probationary period
a prueba, estar a prueba, estoy a prueba, en prueba | on probation
permanente, de planta | permanent
antecedentes | background
revision de antecedentes, verificacion de antecedentes, investigacion de antecedentes | background check
chequeo de antecedentes | background check
antecedentes penales, record criminal | criminal record
huellas, huellas digitales, huellas dactilares | fingerprints
credito, historial de credito, buro de credito | credit check

# supplemental questions
preguntas suplementarias, preguntas adicionales, preguntas extra | supplemental questions
cuestionario, cuestionario suplementario | questionnaire
ensayo | essay
palabras | words
respuestas, respuesta, contestar, responder | answers

# the long tail
estacionamiento, estacionar, parqueo | parking
teletrabajo, trabajo remoto, remoto, desde casa, desde mi casa, en casa, home office | remote work
hibrido, hibrida | hybrid
presencial, en persona | in person
horario, horarios | schedule
horas | hours
turno, turnos | shift
horas extra | overtime
sindicato, sindicatos, gremio | union
ciudadania, ciudadano, ciudadana | citizenship
permiso de trabajo | work permit
patrocinio, patrocinan, patrocinar | sponsorship
reubicacion, reubicarme, mudanza, mudarme, mudarse | relocation
codigo de vestimenta, vestimenta | dress code
uniforme, uniformes | uniform
ropa | wear
capacitacion, entrenamiento | training
ascenso, ascensos, promocion, promociones, crecer | promotion
equipo | team
companeros, companeros de trabajo | coworkers
bono, bonos | bonus
discriminacion, acoso | discrimination
igualdad de oportunidades | equal opportunity
curriculum vitae, hoja de vida, currículum, cv | resume
carta de presentacion | cover letter
referencias | references
edad | age
licencia de manejo, licencia de conducir | driver's license
carro, coche, automovil, vehiculo | car
volver a aplicar, aplicar de nuevo, aplicar otra vez | reapply
tamano | size
grande, grandes | big
almuerzo, comida | lunch
descanso, descansos | breaks
"""

_STEMMER = snowballstemmer.stemmer("spanish")
MIN_STEM = 5  # shorter Spanish stems are too ambiguous to look words up by


def plain(text: str) -> str:
    """Lower case, accents dropped, curly apostrophes straight: `¿Cuál?` -> `¿cual?`."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def glossary() -> dict[str, str]:
    """Every Spanish form (accents dropped) with its English reading."""
    found: dict[str, str] = {}
    for line in _GLOSSARY.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        spanish, _, english = line.partition("|")
        for form in spanish.split(","):
            found.setdefault(plain(form.strip()), english.strip())
    return found


@cache
def _by_stem() -> dict[str, str]:
    """Single words by their Spanish stem (at least `MIN_STEM` letters); where forms of one stem read
    differently, the shortest form's reading (`evaluar`, not `evaluadores`). Readings that are English
    stop words ("describe") are only read as written."""
    forms: dict[str, tuple[int, str]] = {}
    for form, english in glossary().items():
        if " " in form or english in ENGLISH_STOP_WORDS or len(stem := _STEMMER.stemWord(form)) < MIN_STEM:
            continue
        if stem not in forms or len(form) < forms[stem][0]:
            forms[stem] = (len(form), english)
    return {stem: english for stem, (_, english) in forms.items()}


# Spanish words end like this; an English word ("list", "remote", "program") is never looked up by stem.
_SPANISH_ENDING = re.compile(
    r"(?:[aeiou]n|ar|er|ir|[aeiou]s|[ao]|ria|rian|ando|iendo|amos|emos|imos|aron|ieron|aba|aban)$"
)
# Names that begin with a Spanish article stay names: "Los Angeles", "El Camino", "LA County".
_NAME = r"(?-i:\b(?:Los|Las|El|La|LA)\s+[A-Z][\w'-]*)"
_ADDRESS = r"\S+@\S+|https?://\S+|www\.\S+"


@cache
def _pattern() -> re.Pattern[str]:
    """Names and addresses (kept), phrases (longest first), then any other word."""
    forms = sorted((f for f in glossary() if " " in f), key=len, reverse=True)
    phrases = r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)"
    return re.compile(rf"(?P<keep>{_NAME}|{_ADDRESS})|{phrases}|[^\W\d_]+", re.IGNORECASE)


def _read(match: re.Match[str]) -> str:
    found = match.group(0)
    if match.group("keep"):
        return found
    word = found.lower()
    known = glossary().get(word)
    if known is not None:
        return known
    if " " in word or not _SPANISH_ENDING.search(word):
        return word
    return _by_stem().get(_STEMMER.stemWord(word), word)


def in_english(text: str) -> str:
    """The question in English words: `¿cuál es la fecha límite?` -> `which is the deadline?`.

    English text passes unchanged, in lower case and without accents (names and addresses as written).
    """
    read = _pattern().sub(_read, _without_accents(text).replace("¿", " ").replace("¡", " "))
    return re.sub(r"\s{2,}", " ", read).strip()


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
