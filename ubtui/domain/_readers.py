"""Made by `python -m ubtui.store.readers_build` from the record types: do not edit.

Each entry: the sha256 of the reader's source (used only while it is the digest of what
`domain.records` makes now) and a function that makes the reader from its names.
"""

# fmt: off
# ruff: noqa

def _make0(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, factory0, default1, default2, default3, default4, default5, default6, factory7, read_k7i):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('id', MISSING)
        if v is MISSING:
            r0 = factory0()
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('created_at', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('updated_at', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        v = data.get('name', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r3 = v
        v = data.get('area', MISSING)
        if v is MISSING:
            r4 = default4
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r4 = v
        v = data.get('head', MISSING)
        if v is MISSING:
            r5 = default5
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r5 = v
        v = data.get('secretary', MISSING)
        if v is MISSING:
            r6 = default6
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r6 = v
        v = data.get('members', MISSING)
        if v is MISSING:
            r7 = factory7()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r7 = []
            for xk7 in v:
                yk7 = read_k7i(xk7)
                if yk7 is None:
                    return None
                r7.append(yk7)
        record = new(cls)
        record.__dict__ = {'id': r0, 'created_at': r1, 'updated_at': r2, 'name': r3, 'area': r4, 'head': r5, 'secretary': r6, 'members': r7}
        return record
    return read

def _make1(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, default0, default1):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('name', MISSING)
        if v is MISSING:
            r0 = default0
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('teacher_id', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        record = new(cls)
        record.__dict__ = {'name': r0, 'teacher_id': r1}
        return record
    return read

def _make2(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, factory0, default1, default2, default3, default4, default5, default6, default7, default8, default9, default10, default11, default12, default13):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('id', MISSING)
        if v is MISSING:
            r0 = factory0()
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('created_at', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('updated_at', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        v = data.get('teacher_id', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r3 = v
        v = data.get('title', MISSING)
        if v is MISSING:
            r4 = default4
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r4 = v
        v = data.get('organiser', MISSING)
        if v is MISSING:
            r5 = default5
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r5 = v
        v = data.get('start', MISSING)
        if v is MISSING:
            r6 = default6
        else:
            if v is None:
                r6 = None
            else:
                r6 = read_date(v)
                if r6 is None:
                    return None
        v = data.get('end', MISSING)
        if v is MISSING:
            r7 = default7
        else:
            if v is None:
                r7 = None
            else:
                r7 = read_date(v)
                if r7 is None:
                    return None
        v = data.get('hours', MISSING)
        if v is MISSING:
            r8 = default8
        else:
            if v.__class__ is not int and (not isinstance(v, int) or isinstance(v, bool)):
                return None
            r8 = v
        v = data.get('kind', MISSING)
        if v is MISSING:
            r9 = default9
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r9 = v
        v = data.get('certificate_no', MISSING)
        if v is MISSING:
            r10 = default10
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r10 = v
        v = data.get('certificate_handed_in', MISSING)
        if v is MISSING:
            r11 = default11
        else:
            if v is not True and v is not False:
                return None
            r11 = v
        v = data.get('task_before', MISSING)
        if v is MISSING:
            r12 = default12
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r12 = v
        v = data.get('task_after', MISSING)
        if v is MISSING:
            r13 = default13
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r13 = v
        record = new(cls)
        record.__dict__ = {'id': r0, 'created_at': r1, 'updated_at': r2, 'teacher_id': r3, 'title': r4, 'organiser': r5, 'start': r6, 'end': r7, 'hours': r8, 'kind': r9, 'certificate_no': r10, 'certificate_handed_in': r11, 'task_before': r12, 'task_after': r13}
        return record
    return read

def _make3(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, default0, default1, default2, default3):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('strengths', MISSING)
        if v is MISSING:
            r0 = default0
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('weaknesses', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('recommendations', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        v = data.get('rating', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r3 = v
        record = new(cls)
        record.__dict__ = {'strengths': r0, 'weaknesses': r1, 'recommendations': r2, 'rating': r3}
        return record
    return read

def _make4(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, factory0, default1, default2, default3, default4, default5, default6, default7, default8, default9, default10, default11, default12, default13, default14, default15, factory16, read_k16i, factory17, read_k17, default18, default19, default20, default21):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('id', MISSING)
        if v is MISSING:
            r0 = factory0()
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('created_at', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('updated_at', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        v = data.get('association_id', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r3 = v
        v = data.get('year_id', MISSING)
        if v is MISSING:
            r4 = default4
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r4 = v
        v = data.get('kind', MISSING)
        if v is MISSING:
            r5 = default5
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r5 = v
        v = data.get('teacher_id', MISSING)
        if v is MISSING:
            r6 = default6
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r6 = v
        v = data.get('date', MISSING)
        if v is MISSING:
            r7 = default7
        else:
            if v is None:
                r7 = None
            else:
                r7 = read_date(v)
                if r7 is None:
                    return None
        v = data.get('end', MISSING)
        if v is MISSING:
            r8 = default8
        else:
            if v is None:
                r8 = None
            else:
                r8 = read_date(v)
                if r8 is None:
                    return None
        v = data.get('first_date', MISSING)
        if v is MISSING:
            r9 = default9
        else:
            if v is None:
                r9 = None
            else:
                r9 = read_date(v)
                if r9 is None:
                    return None
        v = data.get('class_name', MISSING)
        if v is MISSING:
            r10 = default10
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r10 = v
        v = data.get('subject', MISSING)
        if v is MISSING:
            r11 = default11
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r11 = v
        v = data.get('topic', MISSING)
        if v is MISSING:
            r12 = default12
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r12 = v
        v = data.get('lesson_type', MISSING)
        if v is MISSING:
            r13 = default13
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r13 = v
        v = data.get('level', MISSING)
        if v is MISSING:
            r14 = default14
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r14 = v
        v = data.get('purpose', MISSING)
        if v is MISSING:
            r15 = default15
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r15 = v
        v = data.get('observers', MISSING)
        if v is MISSING:
            r16 = factory16()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r16 = []
            for xk16 in v:
                yk16 = read_k16i(xk16)
                if yk16 is None:
                    return None
                r16.append(yk16)
        v = data.get('analysis', MISSING)
        if v is MISSING:
            r17 = factory17()
        else:
            r17 = read_k17(v)
            if r17 is None:
                return None
        v = data.get('status', MISSING)
        if v is MISSING:
            r18 = default18
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r18 = v
        v = data.get('reason', MISSING)
        if v is MISSING:
            r19 = default19
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r19 = v
        v = data.get('week_id', MISSING)
        if v is MISSING:
            r20 = default20
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r20 = v
        v = data.get('note', MISSING)
        if v is MISSING:
            r21 = default21
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r21 = v
        record = new(cls)
        record.__dict__ = {'id': r0, 'created_at': r1, 'updated_at': r2, 'association_id': r3, 'year_id': r4, 'kind': r5, 'teacher_id': r6, 'date': r7, 'end': r8, 'first_date': r9, 'class_name': r10, 'subject': r11, 'topic': r12, 'lesson_type': r13, 'level': r14, 'purpose': r15, 'observers': r16, 'analysis': r17, 'status': r18, 'reason': r19, 'week_id': r20, 'note': r21}
        return record
    return read

def _make5(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, default0, default1, default2):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('teacher_id', MISSING)
        if v is MISSING:
            r0 = default0
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('name', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('position', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        record = new(cls)
        record.__dict__ = {'teacher_id': r0, 'name': r1, 'position': r2}
        return record
    return read

def _make6(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, factory0, default1, default2, default3):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('id', MISSING)
        if v is MISSING:
            r0 = factory0()
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('date', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v is None:
                r1 = None
            else:
                r1 = read_date(v)
                if r1 is None:
                    return None
        v = data.get('kind', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        v = data.get('note', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r3 = v
        record = new(cls)
        record.__dict__ = {'id': r0, 'date': r1, 'kind': r2, 'note': r3}
        return record
    return read

def _make7(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, factory0, default1, default2, default3):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('id', MISSING)
        if v is MISSING:
            r0 = factory0()
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('activity', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('when', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        v = data.get('done', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v is not True and v is not False:
                return None
            r3 = v
        record = new(cls)
        record.__dict__ = {'id': r0, 'activity': r1, 'when': r2, 'done': r3}
        return record
    return read

def _make8(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, factory0, default1, default2, default3, default4, default5, default6, default7, default8, default9, default10, factory11, read_k11i, factory12, read_k12i, default13, default14):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('id', MISSING)
        if v is MISSING:
            r0 = factory0()
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('created_at', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('updated_at', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        v = data.get('mentor_id', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r3 = v
        v = data.get('young_id', MISSING)
        if v is MISSING:
            r4 = default4
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r4 = v
        v = data.get('association_id', MISSING)
        if v is MISSING:
            r5 = default5
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r5 = v
        v = data.get('order_no', MISSING)
        if v is MISSING:
            r6 = default6
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r6 = v
        v = data.get('order_date', MISSING)
        if v is MISSING:
            r7 = default7
        else:
            if v is None:
                r7 = None
            else:
                r7 = read_date(v)
                if r7 is None:
                    return None
        v = data.get('start', MISSING)
        if v is MISSING:
            r8 = default8
        else:
            if v is None:
                r8 = None
            else:
                r8 = read_date(v)
                if r8 is None:
                    return None
        v = data.get('end', MISSING)
        if v is MISSING:
            r9 = default9
        else:
            if v is None:
                r9 = None
            else:
                r9 = read_date(v)
                if r9 is None:
                    return None
        v = data.get('goals', MISSING)
        if v is MISSING:
            r10 = default10
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r10 = v
        v = data.get('plan', MISSING)
        if v is MISSING:
            r11 = factory11()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r11 = []
            for xk11 in v:
                yk11 = read_k11i(xk11)
                if yk11 is None:
                    return None
                r11.append(yk11)
        v = data.get('log', MISSING)
        if v is MISSING:
            r12 = factory12()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r12 = []
            for xk12 in v:
                yk12 = read_k12i(xk12)
                if yk12 is None:
                    return None
                r12.append(yk12)
        v = data.get('report', MISSING)
        if v is MISSING:
            r13 = default13
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r13 = v
        v = data.get('status', MISSING)
        if v is MISSING:
            r14 = default14
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r14 = v
        record = new(cls)
        record.__dict__ = {'id': r0, 'created_at': r1, 'updated_at': r2, 'mentor_id': r3, 'young_id': r4, 'association_id': r5, 'order_no': r6, 'order_date': r7, 'start': r8, 'end': r9, 'goals': r10, 'plan': r11, 'log': r12, 'report': r13, 'status': r14}
        return record
    return read

def _make9(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, default0, default1):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('teacher_id', MISSING)
        if v is MISSING:
            r0 = default0
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('guest', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        record = new(cls)
        record.__dict__ = {'teacher_id': r0, 'guest': r1}
        return record
    return read

def _make10(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, default0, default1, factory2, default3):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('kind', MISSING)
        if v is MISSING:
            r0 = default0
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('date', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v is None:
                r1 = None
            else:
                r1 = read_date(v)
                if r1 is None:
                    return None
        v = data.get('months', MISSING)
        if v is MISSING:
            r2 = factory2()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r2 = []
            for xk2 in v:
                if xk2.__class__ is not int and (not isinstance(xk2, int) or isinstance(xk2, bool)):
                    return None
                yk2 = xk2
                r2.append(yk2)
        v = data.get('quarter', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v is None:
                r3 = None
            else:
                if v.__class__ is not int and (not isinstance(v, int) or isinstance(v, bool)):
                    return None
                r3 = v
        record = new(cls)
        record.__dict__ = {'kind': r0, 'date': r1, 'months': r2, 'quarter': r3}
        return record
    return read

def _make11(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, factory0, default1, default2, default3, default4, default5, default6, factory7, default8, default9, default10, default11, default12, default13, factory14, default15, factory16):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('id', MISSING)
        if v is MISSING:
            r0 = factory0()
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('created_at', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('updated_at', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        v = data.get('association_id', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r3 = v
        v = data.get('year_id', MISSING)
        if v is MISSING:
            r4 = default4
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r4 = v
        v = data.get('theme', MISSING)
        if v is MISSING:
            r5 = default5
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r5 = v
        v = data.get('goal', MISSING)
        if v is MISSING:
            r6 = default6
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r6 = v
        v = data.get('tasks', MISSING)
        if v is MISSING:
            r7 = factory7()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r7 = []
            for xk7 in v:
                if xk7.__class__ is not str and not isinstance(xk7, str):
                    return None
                yk7 = xk7
                r7.append(yk7)
        v = data.get('approved_by', MISSING)
        if v is MISSING:
            r8 = default8
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r8 = v
        v = data.get('approved_position', MISSING)
        if v is MISSING:
            r9 = default9
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r9 = v
        v = data.get('approved_on', MISSING)
        if v is MISSING:
            r10 = default10
        else:
            if v is None:
                r10 = None
            else:
                r10 = read_date(v)
                if r10 is None:
                    return None
        v = data.get('agreed_by', MISSING)
        if v is MISSING:
            r11 = default11
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r11 = v
        v = data.get('agreed_position', MISSING)
        if v is MISSING:
            r12 = default12
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r12 = v
        v = data.get('agreed_on', MISSING)
        if v is MISSING:
            r13 = default13
        else:
            if v is None:
                r13 = None
            else:
                r13 = read_date(v)
                if r13 is None:
                    return None
        v = data.get('custom_sections', MISSING)
        if v is MISSING:
            r14 = factory14()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r14 = []
            for xk14 in v:
                if xk14.__class__ is not str and not isinstance(xk14, str):
                    return None
                yk14 = xk14
                r14.append(yk14)
        v = data.get('language', MISSING)
        if v is MISSING:
            r15 = default15
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r15 = v
        v = data.get('names', MISSING)
        if v is MISSING:
            r16 = factory16()
        else:
            r16 = v
        record = new(cls)
        record.__dict__ = {'id': r0, 'created_at': r1, 'updated_at': r2, 'association_id': r3, 'year_id': r4, 'theme': r5, 'goal': r6, 'tasks': r7, 'approved_by': r8, 'approved_position': r9, 'approved_on': r10, 'agreed_by': r11, 'agreed_position': r12, 'agreed_on': r13, 'custom_sections': r14, 'language': r15, 'names': r16}
        return record
    return read

def _make12(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, factory0, default1, default2, default3, default4, default5, default6, factory7, read_k7, factory8, factory9, default10, default11, read_k11, default12, default13):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('id', MISSING)
        if v is MISSING:
            r0 = factory0()
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('created_at', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('updated_at', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        v = data.get('plan_id', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r3 = v
        v = data.get('section', MISSING)
        if v is MISSING:
            r4 = default4
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r4 = v
        v = data.get('order', MISSING)
        if v is MISSING:
            r5 = default5
        else:
            if v.__class__ is not int and (not isinstance(v, int) or isinstance(v, bool)):
                return None
            r5 = v
        v = data.get('content', MISSING)
        if v is MISSING:
            r6 = default6
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r6 = v
        v = data.get('due', MISSING)
        if v is MISSING:
            r7 = factory7()
        else:
            r7 = read_k7(v)
            if r7 is None:
                return None
        v = data.get('teacher_ids', MISSING)
        if v is MISSING:
            r8 = factory8()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r8 = []
            for xk8 in v:
                if xk8.__class__ is not str and not isinstance(xk8, str):
                    return None
                yk8 = xk8
                r8.append(yk8)
        v = data.get('roles', MISSING)
        if v is MISSING:
            r9 = factory9()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r9 = []
            for xk9 in v:
                if xk9.__class__ is not str and not isinstance(xk9, str):
                    return None
                yk9 = xk9
                r9.append(yk9)
        v = data.get('status', MISSING)
        if v is MISSING:
            r10 = default10
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r10 = v
        v = data.get('moved_to', MISSING)
        if v is MISSING:
            r11 = default11
        else:
            if v is None:
                r11 = None
            else:
                r11 = read_k11(v)
                if r11 is None:
                    return None
        v = data.get('note', MISSING)
        if v is MISSING:
            r12 = default12
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r12 = v
        v = data.get('done_on', MISSING)
        if v is MISSING:
            r13 = default13
        else:
            if v is None:
                r13 = None
            else:
                r13 = read_date(v)
                if r13 is None:
                    return None
        record = new(cls)
        record.__dict__ = {'id': r0, 'created_at': r1, 'updated_at': r2, 'plan_id': r3, 'section': r4, 'order': r5, 'content': r6, 'due': r7, 'teacher_ids': r8, 'roles': r9, 'status': r10, 'moved_to': r11, 'note': r12, 'done_on': r13}
        return record
    return read

def _make13(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, factory0, default1, factory2, read_k2, default3, factory4, read_k4i, factory5, read_k5i, default6, read_k6):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('id', MISSING)
        if v is MISSING:
            r0 = factory0()
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('title', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('rapporteur', MISSING)
        if v is MISSING:
            r2 = factory2()
        else:
            r2 = read_k2(v)
            if r2 is None:
                return None
        v = data.get('heard', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r3 = v
        v = data.get('speakers', MISSING)
        if v is MISSING:
            r4 = factory4()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r4 = []
            for xk4 in v:
                yk4 = read_k4i(xk4)
                if yk4 is None:
                    return None
                r4.append(yk4)
        v = data.get('decisions', MISSING)
        if v is MISSING:
            r5 = factory5()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r5 = []
            for xk5 in v:
                yk5 = read_k5i(xk5)
                if yk5 is None:
                    return None
                r5.append(yk5)
        v = data.get('vote', MISSING)
        if v is MISSING:
            r6 = default6
        else:
            if v is None:
                r6 = None
            else:
                r6 = read_k6(v)
                if r6 is None:
                    return None
        record = new(cls)
        record.__dict__ = {'id': r0, 'title': r1, 'rapporteur': r2, 'heard': r3, 'speakers': r4, 'decisions': r5, 'vote': r6}
        return record
    return read

def _make14(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, default0, default1, default2, default3):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('teacher_id', MISSING)
        if v is MISSING:
            r0 = default0
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('guest', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('present', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v is not True and v is not False:
                return None
            r2 = v
        v = data.get('reason', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r3 = v
        record = new(cls)
        record.__dict__ = {'teacher_id': r0, 'guest': r1, 'present': r2, 'reason': r3}
        return record
    return read

def _make15(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, factory0, default1, factory2, read_k2i, default3, default4, default5):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('id', MISSING)
        if v is MISSING:
            r0 = factory0()
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('text', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('responsible', MISSING)
        if v is MISSING:
            r2 = factory2()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r2 = []
            for xk2 in v:
                yk2 = read_k2i(xk2)
                if yk2 is None:
                    return None
                r2.append(yk2)
        v = data.get('due', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v is None:
                r3 = None
            else:
                r3 = read_date(v)
                if r3 is None:
                    return None
        v = data.get('status', MISSING)
        if v is MISSING:
            r4 = default4
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r4 = v
        v = data.get('done_on', MISSING)
        if v is MISSING:
            r5 = default5
        else:
            if v is None:
                r5 = None
            else:
                r5 = read_date(v)
                if r5 is None:
                    return None
        record = new(cls)
        record.__dict__ = {'id': r0, 'text': r1, 'responsible': r2, 'due': r3, 'status': r4, 'done_on': r5}
        return record
    return read

def _make16(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, default0, default1):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('name', MISSING)
        if v is MISSING:
            r0 = default0
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('position', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        record = new(cls)
        record.__dict__ = {'name': r0, 'position': r1}
        return record
    return read

def _make17(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, factory0, default1, default2, default3, default4, default5, default6, default7, default8, default9, factory10, read_k10, factory11, read_k11, factory12, read_k12i, factory13, read_k13i, factory14, read_k14i, factory15):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('id', MISSING)
        if v is MISSING:
            r0 = factory0()
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('created_at', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('updated_at', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        v = data.get('association_id', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r3 = v
        v = data.get('year_id', MISSING)
        if v is MISSING:
            r4 = default4
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r4 = v
        v = data.get('number', MISSING)
        if v is MISSING:
            r5 = default5
        else:
            if v.__class__ is not int and (not isinstance(v, int) or isinstance(v, bool)):
                return None
            r5 = v
        v = data.get('date', MISSING)
        if v is MISSING:
            r6 = default6
        else:
            if v is None:
                r6 = None
            else:
                r6 = read_date(v)
                if r6 is None:
                    return None
        v = data.get('place', MISSING)
        if v is MISSING:
            r7 = default7
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r7 = v
        v = data.get('kind', MISSING)
        if v is MISSING:
            r8 = default8
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r8 = v
        v = data.get('status', MISSING)
        if v is MISSING:
            r9 = default9
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r9 = v
        v = data.get('chair', MISSING)
        if v is MISSING:
            r10 = factory10()
        else:
            r10 = read_k10(v)
            if r10 is None:
                return None
        v = data.get('secretary', MISSING)
        if v is MISSING:
            r11 = factory11()
        else:
            r11 = read_k11(v)
            if r11 is None:
                return None
        v = data.get('attendance', MISSING)
        if v is MISSING:
            r12 = factory12()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r12 = []
            for xk12 in v:
                yk12 = read_k12i(xk12)
                if yk12 is None:
                    return None
                r12.append(yk12)
        v = data.get('guests', MISSING)
        if v is MISSING:
            r13 = factory13()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r13 = []
            for xk13 in v:
                yk13 = read_k13i(xk13)
                if yk13 is None:
                    return None
                r13.append(yk13)
        v = data.get('agenda', MISSING)
        if v is MISSING:
            r14 = factory14()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r14 = []
            for xk14 in v:
                yk14 = read_k14i(xk14)
                if yk14 is None:
                    return None
                r14.append(yk14)
        v = data.get('names', MISSING)
        if v is MISSING:
            r15 = factory15()
        else:
            r15 = v
        record = new(cls)
        record.__dict__ = {'id': r0, 'created_at': r1, 'updated_at': r2, 'association_id': r3, 'year_id': r4, 'number': r5, 'date': r6, 'place': r7, 'kind': r8, 'status': r9, 'chair': r10, 'secretary': r11, 'attendance': r12, 'guests': r13, 'agenda': r14, 'names': r15}
        return record
    return read

def _make18(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, default0, default1, default2):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('teacher_id', MISSING)
        if v is MISSING:
            r0 = default0
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('guest', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('text', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        record = new(cls)
        record.__dict__ = {'teacher_id': r0, 'guest': r1, 'text': r2}
        return record
    return read

def _make19(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, default0, default1, default2):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('in_favour', MISSING)
        if v is MISSING:
            r0 = default0
        else:
            if v.__class__ is not int and (not isinstance(v, int) or isinstance(v, bool)):
                return None
            r0 = v
        v = data.get('against', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not int and (not isinstance(v, int) or isinstance(v, bool)):
                return None
            r1 = v
        v = data.get('abstained', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not int and (not isinstance(v, int) or isinstance(v, bool)):
                return None
            r2 = v
        record = new(cls)
        record.__dict__ = {'in_favour': r0, 'against': r1, 'abstained': r2}
        return record
    return read

def _make20(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, default0, default1, default2):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('name', MISSING)
        if v is MISSING:
            r0 = default0
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('position', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('role', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        record = new(cls)
        record.__dict__ = {'name': r0, 'position': r1, 'role': r2}
        return record
    return read

def _make21(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, default0, default1, default2, default3, default4):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('course_hours', MISSING)
        if v is MISSING:
            r0 = default0
        else:
            if v.__class__ is not int and (not isinstance(v, int) or isinstance(v, bool)):
                return None
            r0 = v
        v = data.get('course_period_years', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not int and (not isinstance(v, int) or isinstance(v, bool)):
                return None
            r1 = v
        v = data.get('sessions_per_year', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not int and (not isinstance(v, int) or isinstance(v, bool)):
                return None
            r2 = v
        v = data.get('seminars_per_year', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v.__class__ is not int and (not isinstance(v, int) or isinstance(v, bool)):
                return None
            r3 = v
        v = data.get('young_teacher_years', MISSING)
        if v is MISSING:
            r4 = default4
        else:
            if v.__class__ is not int and (not isinstance(v, int) or isinstance(v, bool)):
                return None
            r4 = v
        record = new(cls)
        record.__dict__ = {'course_hours': r0, 'course_period_years': r1, 'sessions_per_year': r2, 'seminars_per_year': r3, 'young_teacher_years': r4}
        return record
    return read

def _make22(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, factory0, default1, default2, default3, default4, default5, default6, default7, default8, default9, default10, factory11, read_k11i, factory12, read_k12, default13, default14, default15, default16, default17, default18):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('id', MISSING)
        if v is MISSING:
            r0 = factory0()
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('created_at', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('updated_at', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        v = data.get('school_name', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r3 = v
        v = data.get('school_genitive_override', MISSING)
        if v is MISSING:
            r4 = default4
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r4 = v
        v = data.get('school_name_ru', MISSING)
        if v is MISSING:
            r5 = default5
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r5 = v
        v = data.get('school_number', MISSING)
        if v is MISSING:
            r6 = default6
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r6 = v
        v = data.get('village', MISSING)
        if v is MISSING:
            r7 = default7
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r7 = v
        v = data.get('district', MISSING)
        if v is MISSING:
            r8 = default8
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r8 = v
        v = data.get('region', MISSING)
        if v is MISSING:
            r9 = default9
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r9 = v
        v = data.get('director', MISSING)
        if v is MISSING:
            r10 = default10
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r10 = v
        v = data.get('deputies', MISSING)
        if v is MISSING:
            r11 = factory11()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r11 = []
            for xk11 in v:
                yk11 = read_k11i(xk11)
                if yk11 is None:
                    return None
                r11.append(yk11)
        v = data.get('rules', MISSING)
        if v is MISSING:
            r12 = factory12()
        else:
            r12 = read_k12(v)
            if r12 is None:
                return None
        v = data.get('language', MISSING)
        if v is MISSING:
            r13 = default13
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r13 = v
        v = data.get('last_association_id', MISSING)
        if v is MISSING:
            r14 = default14
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r14 = v
        v = data.get('plain_display', MISSING)
        if v is MISSING:
            r15 = default15
        else:
            if v is not True and v is not False:
                return None
            r15 = v
        v = data.get('order_opening', MISSING)
        if v is MISSING:
            r16 = default16
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r16 = v
        v = data.get('order_head', MISSING)
        if v is MISSING:
            r17 = default17
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r17 = v
        v = data.get('regulation', MISSING)
        if v is MISSING:
            r18 = default18
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r18 = v
        record = new(cls)
        record.__dict__ = {'id': r0, 'created_at': r1, 'updated_at': r2, 'school_name': r3, 'school_genitive_override': r4, 'school_name_ru': r5, 'school_number': r6, 'village': r7, 'district': r8, 'region': r9, 'director': r10, 'deputies': r11, 'rules': r12, 'language': r13, 'last_association_id': r14, 'plain_display': r15, 'order_opening': r16, 'order_head': r17, 'regulation': r18}
        return record
    return read

def _make23(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, default0, default1, default2):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('title', MISSING)
        if v is MISSING:
            r0 = default0
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('level', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('year', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v is None:
                r2 = None
            else:
                if v.__class__ is not int and (not isinstance(v, int) or isinstance(v, bool)):
                    return None
                r2 = v
        record = new(cls)
        record.__dict__ = {'title': r0, 'level': r1, 'year': r2}
        return record
    return read

def _make24(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, factory0, default1, default2, default3, default4, default5, default6, default7, default8, default9, factory10, default11, default12, default13, default14, default15, default16, default17, factory18, read_k18i, default19, default20, default21, default22, default23, default24):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('id', MISSING)
        if v is MISSING:
            r0 = factory0()
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('created_at', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('updated_at', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        v = data.get('full_name', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r3 = v
        v = data.get('birth_date', MISSING)
        if v is MISSING:
            r4 = default4
        else:
            if v is None:
                r4 = None
            else:
                r4 = read_date(v)
                if r4 is None:
                    return None
        v = data.get('phone', MISSING)
        if v is MISSING:
            r5 = default5
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r5 = v
        v = data.get('education', MISSING)
        if v is MISSING:
            r6 = default6
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r6 = v
        v = data.get('institution', MISSING)
        if v is MISSING:
            r7 = default7
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r7 = v
        v = data.get('graduation_year', MISSING)
        if v is MISSING:
            r8 = default8
        else:
            if v is None:
                r8 = None
            else:
                if v.__class__ is not int and (not isinstance(v, int) or isinstance(v, bool)):
                    return None
                r8 = v
        v = data.get('specialty', MISSING)
        if v is MISSING:
            r9 = default9
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r9 = v
        v = data.get('subjects', MISSING)
        if v is MISSING:
            r10 = factory10()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r10 = []
            for xk10 in v:
                if xk10.__class__ is not str and not isinstance(xk10, str):
                    return None
                yk10 = xk10
                r10.append(yk10)
        v = data.get('classes', MISSING)
        if v is MISSING:
            r11 = default11
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r11 = v
        v = data.get('weekly_load', MISSING)
        if v is MISSING:
            r12 = default12
        else:
            if v is None:
                r12 = None
            else:
                if v.__class__ is not int and v.__class__ is not float and (not isinstance(v, (int, float)) or isinstance(v, bool)):
                    return None
                r12 = v
        v = data.get('total_start', MISSING)
        if v is MISSING:
            r13 = default13
        else:
            if v is None:
                r13 = None
            else:
                r13 = read_date(v)
                if r13 is None:
                    return None
        v = data.get('pedagogical_start', MISSING)
        if v is MISSING:
            r14 = default14
        else:
            if v is None:
                r14 = None
            else:
                r14 = read_date(v)
                if r14 is None:
                    return None
        v = data.get('category', MISSING)
        if v is MISSING:
            r15 = default15
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r15 = v
        v = data.get('category_date', MISSING)
        if v is MISSING:
            r16 = default16
        else:
            if v is None:
                r16 = None
            else:
                r16 = read_date(v)
                if r16 is None:
                    return None
        v = data.get('category_expires', MISSING)
        if v is MISSING:
            r17 = default17
        else:
            if v is None:
                r17 = None
            else:
                r17 = read_date(v)
                if r17 is None:
                    return None
        v = data.get('awards', MISSING)
        if v is MISSING:
            r18 = factory18()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r18 = []
            for xk18 in v:
                yk18 = read_k18i(xk18)
                if yk18 is None:
                    return None
                r18.append(yk18)
        v = data.get('self_education_topic', MISSING)
        if v is MISSING:
            r19 = default19
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r19 = v
        v = data.get('position', MISSING)
        if v is MISSING:
            r20 = default20
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r20 = v
        v = data.get('association_id', MISSING)
        if v is MISSING:
            r21 = default21
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r21 = v
        v = data.get('active', MISSING)
        if v is MISSING:
            r22 = default22
        else:
            if v is not True and v is not False:
                return None
            r22 = v
        v = data.get('left_on', MISSING)
        if v is MISSING:
            r23 = default23
        else:
            if v is None:
                r23 = None
            else:
                r23 = read_date(v)
                if r23 is None:
                    return None
        v = data.get('notes', MISSING)
        if v is MISSING:
            r24 = default24
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r24 = v
        record = new(cls)
        record.__dict__ = {'id': r0, 'created_at': r1, 'updated_at': r2, 'full_name': r3, 'birth_date': r4, 'phone': r5, 'education': r6, 'institution': r7, 'graduation_year': r8, 'specialty': r9, 'subjects': r10, 'classes': r11, 'weekly_load': r12, 'total_start': r13, 'pedagogical_start': r14, 'category': r15, 'category_date': r16, 'category_expires': r17, 'awards': r18, 'self_education_topic': r19, 'position': r20, 'association_id': r21, 'active': r22, 'left_on': r23, 'notes': r24}
        return record
    return read

def _make25(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, factory0, default1, default2, default3, default4, default5, default6, default7):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('id', MISSING)
        if v is MISSING:
            r0 = factory0()
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('created_at', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('updated_at', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        v = data.get('year_id', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r3 = v
        v = data.get('association_id', MISSING)
        if v is MISSING:
            r4 = default4
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r4 = v
        v = data.get('draft', MISSING)
        if v is MISSING:
            r5 = default5
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r5 = v
        v = data.get('conclusions', MISSING)
        if v is MISSING:
            r6 = default6
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r6 = v
        v = data.get('tasks', MISSING)
        if v is MISSING:
            r7 = default7
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r7 = v
        record = new(cls)
        record.__dict__ = {'id': r0, 'created_at': r1, 'updated_at': r2, 'year_id': r3, 'association_id': r4, 'draft': r5, 'conclusions': r6, 'tasks': r7}
        return record
    return read

def _make26(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict, factory0, default1, default2, default3, default4, default5, factory6, read_k6i, default7):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('id', MISSING)
        if v is MISSING:
            r0 = factory0()
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r0 = v
        v = data.get('created_at', MISSING)
        if v is MISSING:
            r1 = default1
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r1 = v
        v = data.get('updated_at', MISSING)
        if v is MISSING:
            r2 = default2
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r2 = v
        v = data.get('label', MISSING)
        if v is MISSING:
            r3 = default3
        else:
            if v.__class__ is not str and not isinstance(v, str):
                return None
            r3 = v
        v = data.get('start', MISSING)
        if v is MISSING:
            r4 = default4
        else:
            r4 = read_date(v)
            if r4 is None:
                return None
        v = data.get('end', MISSING)
        if v is MISSING:
            r5 = default5
        else:
            r5 = read_date(v)
            if r5 is None:
                return None
        v = data.get('quarters', MISSING)
        if v is MISSING:
            r6 = factory6()
        else:
            if v.__class__ is not list and not isinstance(v, list):
                return None
            r6 = []
            for xk6 in v:
                yk6 = read_k6i(xk6)
                if yk6 is None:
                    return None
                r6.append(yk6)
        v = data.get('closed', MISSING)
        if v is MISSING:
            r7 = default7
        else:
            if v is not True and v is not False:
                return None
            r7 = v
        record = new(cls)
        record.__dict__ = {'id': r0, 'created_at': r1, 'updated_at': r2, 'label': r3, 'start': r4, 'end': r5, 'quarters': r6, 'closed': r7}
        return record
    return read

def _make27(cls, new, MISSING, read_date, isinstance, bool, int, float, str, list, dict):
    def read(data):
        if data.__class__ is not dict and not isinstance(data, dict):
            return None
        v = data.get('number', MISSING)
        if v is MISSING:
            return None
        else:
            if v.__class__ is not int and (not isinstance(v, int) or isinstance(v, bool)):
                return None
            r0 = v
        v = data.get('start', MISSING)
        if v is MISSING:
            return None
        else:
            r1 = read_date(v)
            if r1 is None:
                return None
        v = data.get('end', MISSING)
        if v is MISSING:
            return None
        else:
            r2 = read_date(v)
            if r2 is None:
                return None
        record = new(cls)
        record.__dict__ = {'number': r0, 'start': r1, 'end': r2}
        return record
    return read

READERS = {
    'ubtui.domain.associations.Association': ('eaa3ea4e6197fdb3329fd3d29584b9d882920433053235b8c295b3c4c846470a', _make0),
    'ubtui.domain.associations.Member': ('b368d7ca64e4a24cd33f918bedf74c7f7165d99bede7e2f37bed5860292434db', _make1),
    'ubtui.domain.courses.Course': ('7de78cd8d9b3028b88133ef54434d5b4c5624dc206d6bc2b968063e555f86b20', _make2),
    'ubtui.domain.lessons.Analysis': ('599b79c47c99e2fcea5327c3d0d31a45a289bb108f51caa205f942ef1f6c119f', _make3),
    'ubtui.domain.lessons.LessonEvent': ('f02a4128676f21067785295f97dab9d8eb418fa894c6439ffbd3ceea72487836', _make4),
    'ubtui.domain.lessons.Observer': ('c1bd3068b099f362774458779842cd25337825184e47d70008cbd85842d024bb', _make5),
    'ubtui.domain.mentoring.LogEntry': ('8e08be17df121302878163abe833263b2cea1474c71df4811992cd9288265411', _make6),
    'ubtui.domain.mentoring.MentorPlanItem': ('8341de55bcbc1df23d7c83eb2c2c74ecd594328ebd18c33d70fd3213bbf1fc9d', _make7),
    'ubtui.domain.mentoring.Mentorship': ('c425de75cbd87efed85422ebb1080020b4aa08b8098a9c6be62365b0407e17a3', _make8),
    'ubtui.domain.people.Person': ('b88c7faead04b960df98b65aa2cc2ec031f793c91a31a8345b1ee656d14bef29', _make9),
    'ubtui.domain.plans.Due': ('3ec1ab8eb0fa532644633b03f9cb999db852f1a50385c32a949879998bb3b290', _make10),
    'ubtui.domain.plans.Plan': ('da36bdcc97962649f05a34e8fafbeed35af772c01d3322b10f43eb6b7b582742', _make11),
    'ubtui.domain.plans.PlanItem': ('a48c70dd666a97130ecf1b71d56d117ef504bdae780f0d0b7b3734eab57afa20', _make12),
    'ubtui.domain.sessions.AgendaItem': ('5d6099789a8d3bcf5f7f762f5d935a33d8b121967e9ebe9a385e5e5cd6ac0aa6', _make13),
    'ubtui.domain.sessions.Attendance': ('2f21a046209b1eacbcd0c39c86761db42805b6e6723eda7b2befa418894383d2', _make14),
    'ubtui.domain.sessions.Decision': ('c734749cab855926a381274a2a0089280ca851109298d20c964de12c0e738ddd', _make15),
    'ubtui.domain.sessions.Guest': ('9e77f29adc417e4c468c2539c6ea7b0f81be29640f5980f99d683eff45626f01', _make16),
    'ubtui.domain.sessions.Session': ('f27990e607ec0bd3738280d5217233717a0a9eb023b8e7f952daacf89619496b', _make17),
    'ubtui.domain.sessions.Speaker': ('17fc8e6eb575d099a5027216f85ecf3b4b1912739257e611d990573cfd32c8aa', _make18),
    'ubtui.domain.sessions.Vote': ('a0f5abb88e883b6e0a442c731b398ee0db28962a72a51ec77e71062275828ff9', _make19),
    'ubtui.domain.settings.Deputy': ('f9f178f68c9c82bcf8c3509c73320c9cdee10388cec4716410903559be7b8407', _make20),
    'ubtui.domain.settings.Rules': ('7f6f08ccbd0e82c22eaf13e6c021d5ed17cb3a3b994323a173c4de74054f0e81', _make21),
    'ubtui.domain.settings.Settings': ('f56400c2695a32c8f032c764385d5c711da1045a2e72b0ba2e380077a7976993', _make22),
    'ubtui.domain.teachers.Award': ('e0c18caee6c0a7e2d3df449b87547d8dbd4ba648f40d29a3ab9d06c3009fd03c', _make23),
    'ubtui.domain.teachers.Teacher': ('7b859b0fc380a02119b873040f7be31a3c23bef834b961e73ca52e0ec933ac93', _make24),
    'ubtui.domain.year_report.YearAnalysis': ('ff704fd2d70ad4b5fdb71d4b3f916d6f909e20f9691ddb2ae5d421d231eecebc', _make25),
    'ubtui.domain.years.AcademicYear': ('e2fc4ee96b788128b72601146b5ff88853f657720ea19a0d161f73a7d987fc93', _make26),
    'ubtui.domain.years.Quarter': ('154190c81e07f055e85d5b571766ff6235caf51286eaf02d928b9e4d4587514b', _make27),
}
